package sightline.diagnosis.models;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelActivationRepository extends JpaRepository<ModelActivation, UUID> {

  /** The newest activations first (ties cannot matter: one administrator action writes one row). */
  List<ModelActivation> findByOrderByActivatedAtDesc(Limit limit);
}
