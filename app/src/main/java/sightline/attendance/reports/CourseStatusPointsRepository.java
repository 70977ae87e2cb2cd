package sightline.attendance.reports;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CourseStatusPointsRepository extends JpaRepository<CourseStatusPoints, UUID> {}
