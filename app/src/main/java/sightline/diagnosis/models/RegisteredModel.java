package sightline.diagnosis.models;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A model an administrator uploaded and that passed its checks: the ONNX file and its metadata file's text. */
@Entity
@Table(schema = "diagnosis", name = "model")
class RegisteredModel {

  @Id
  private UUID id;
  private String version;
  private byte[] onnx;
  private String metadata;
  private String sha256;
  private Instant uploadedAt;
  private UUID uploadedBy;

  protected RegisteredModel() {
    // for JPA
  }

  RegisteredModel(String version, byte[] onnx, String metadata, String sha256, Instant uploadedAt, UUID uploadedBy) {
    this.id = UUID.randomUUID();
    this.version = version;
    this.onnx = onnx.clone();
    this.metadata = metadata;
    this.sha256 = sha256;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  String version() {
    return version;
  }

  byte[] onnx() {
    return onnx.clone();
  }

  String metadata() {
    return metadata;
  }

  String sha256() {
    return sha256;
  }

  Instant uploadedAt() {
    return uploadedAt;
  }
}
