package sightline.biometrics;

import java.util.Objects;
import java.util.UUID;

/** Identifies one liveness session (see {@link LivenessSessions}). */
public record LivenessSessionId(UUID value) {

  public LivenessSessionId {
    Objects.requireNonNull(value, "value");
  }

  public static LivenessSessionId random() {
    return new LivenessSessionId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
