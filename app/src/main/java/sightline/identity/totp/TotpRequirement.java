package sightline.identity.totp;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.identity.Role;

/** Whether one role must use a second factor; rows exist for ADMIN and TEACHER (the migration adds them). */
@Entity
@Table(schema = "identity", name = "totp_requirement")
class TotpRequirement {

  @Id
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private Role role;

  private boolean required;

  private @Nullable Instant changedAt;

  private @Nullable UUID changedBy;

  protected TotpRequirement() {
    // for JPA
  }

  Role role() {
    return role;
  }

  boolean required() {
    return required;
  }

  @Nullable Instant changedAt() {
    return changedAt;
  }

  @Nullable UUID changedBy() {
    return changedBy;
  }

  /** @return whether this changed anything */
  boolean set(boolean required, UUID by, Instant now) {
    if (this.required == required) {
      return false;
    }
    this.required = required;
    this.changedAt = now;
    this.changedBy = by;
    return true;
  }
}
