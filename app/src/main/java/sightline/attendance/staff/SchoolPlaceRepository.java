package sightline.attendance.staff;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolPlaceRepository extends JpaRepository<SchoolPlace, Short> {
}
