package sightline.attendance.checkin;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface QrSessionRepository extends JpaRepository<QrSession, UUID> {
}
