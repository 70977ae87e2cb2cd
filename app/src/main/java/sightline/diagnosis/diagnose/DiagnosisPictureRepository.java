package sightline.diagnosis.diagnose;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DiagnosisPictureRepository extends JpaRepository<DiagnosisPicture, UUID> {
}
