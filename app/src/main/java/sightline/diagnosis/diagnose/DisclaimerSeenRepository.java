package sightline.diagnosis.diagnose;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisclaimerSeenRepository extends JpaRepository<DisclaimerSeen, UUID> {
}
