package sightline.diagnosis.diagnose;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import sightline.diagnosis.DiagnosisId;

/** A diagnosis's picture as the server re-encoded it (never the upload's bytes), with its thumbnail. */
@Entity
@Table(schema = "diagnosis", name = "picture")
class DiagnosisPicture {

  @Id
  private UUID diagnosisId;
  private byte[] jpeg;
  private byte[] thumbnail;

  protected DiagnosisPicture() {
    // for JPA
  }

  DiagnosisPicture(DiagnosisId diagnosis, byte[] jpeg, byte[] thumbnail) {
    this.diagnosisId = diagnosis.value();
    this.jpeg = jpeg.clone();
    this.thumbnail = thumbnail.clone();
  }

  byte[] jpeg() {
    return jpeg.clone();
  }

  byte[] thumbnail() {
    return thumbnail.clone();
  }
}
