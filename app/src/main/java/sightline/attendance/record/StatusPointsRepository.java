package sightline.attendance.record;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusPointsRepository extends JpaRepository<StatusPoints, UUID> {
}
