package sightline.attendance;

import java.util.Objects;
import java.util.UUID;

/** Identifies one attendance record (one student in one class session). */
public record CheckInId(UUID value) {

  public CheckInId {
    Objects.requireNonNull(value, "value");
  }

  public static CheckInId random() {
    return new CheckInId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
