package sightline.attendance.record;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionFinalisedRepository extends JpaRepository<SessionFinalised, UUID> {
}
