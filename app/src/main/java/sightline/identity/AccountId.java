package sightline.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies an account; other modules refer to people by this id only. */
public record AccountId(UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
