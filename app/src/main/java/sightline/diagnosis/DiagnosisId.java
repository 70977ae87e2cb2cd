package sightline.diagnosis;

import java.util.Objects;
import java.util.UUID;

/** Identifies one diagnosis. */
public record DiagnosisId(UUID value) {

  public DiagnosisId {
    Objects.requireNonNull(value, "value");
  }

  public static DiagnosisId random() {
    return new DiagnosisId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
