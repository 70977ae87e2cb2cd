package sightline.courses;

import java.util.Objects;
import java.util.UUID;

/** Identifies one class session (one meeting of a course). */
public record ClassSessionId(UUID value) {

  public ClassSessionId {
    Objects.requireNonNull(value, "value");
  }

  public static ClassSessionId random() {
    return new ClassSessionId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
