package sightline.diagnosis.models;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegisteredModelRepository extends JpaRepository<RegisteredModel, UUID> {

  Optional<RegisteredModel> findByVersion(String version);

  boolean existsByVersion(String version);

  /** Every uploaded model without its (megabytes of) ONNX bytes, newest first. */
  @Query("select new sightline.diagnosis.models.RegisteredModelRepository$Summary(m.version, m.sha256, m.uploadedAt)"
      + " from RegisteredModel m order by m.uploadedAt desc")
  List<Summary> summaries();

  /** An uploaded model as lists show it. */
  record Summary(String version, String sha256, java.time.Instant uploadedAt) {}
}
