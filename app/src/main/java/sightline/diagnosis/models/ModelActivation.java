package sightline.diagnosis.models;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One activation of a model version; the newest row names the model in use. Rows are never changed. */
@Entity
@Table(schema = "diagnosis", name = "model_activation")
class ModelActivation {

  @Id
  private UUID id;
  private String version;
  private Instant activatedAt;
  private UUID activatedBy;

  protected ModelActivation() {
    // for JPA
  }

  ModelActivation(String version, Instant activatedAt, UUID activatedBy) {
    this.id = UUID.randomUUID();
    this.version = version;
    this.activatedAt = activatedAt;
    this.activatedBy = activatedBy;
  }

  String version() {
    return version;
  }

  Instant activatedAt() {
    return activatedAt;
  }
}
