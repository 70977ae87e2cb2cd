package sightline.attendance.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/** One staff check-in attempt, accepted or refused, with the evidence the check had when it decided. */
@Entity
@Table(schema = "attendance", name = "staff_attempt")
class StaffAttempt {

  @Id
  private UUID id;
  private UUID teacherId;
  private LocalDate onDay;
  private Instant at;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private StaffOutcome outcome;
  private @Nullable Float similarity;
  private @Nullable Float livenessScore;
  private @Nullable Double latitude;
  private @Nullable Double longitude;
  private @Nullable Float accuracyMetres;
  private @Nullable Float distanceMetres;
  private @Nullable String ipAddress;
  private @Nullable String userAgent;

  protected StaffAttempt() {
    // for JPA
  }

  StaffAttempt(AccountId teacher, LocalDate day, Instant at, StaffOutcome outcome, @Nullable Position position,
      @Nullable Double distanceMetres, @Nullable Double similarity, @Nullable Double livenessScore, Device device) {
    this.id = UUID.randomUUID();
    this.teacherId = teacher.value();
    this.onDay = day;
    this.at = at;
    this.outcome = outcome;
    this.latitude = position == null ? null : position.latitude();
    this.longitude = position == null ? null : position.longitude();
    this.accuracyMetres = position == null ? null : (float) position.accuracyMetres();
    this.distanceMetres = distanceMetres == null ? null : distanceMetres.floatValue();
    this.similarity = similarity == null ? null : similarity.floatValue();
    this.livenessScore = livenessScore == null ? null : livenessScore.floatValue();
    this.ipAddress = device.ipAddress();
    this.userAgent = device.userAgent();
  }

  UUID id() {
    return id;
  }

  AccountId teacher() {
    return new AccountId(teacherId);
  }

  LocalDate day() {
    return onDay;
  }

  Instant at() {
    return at;
  }

  StaffOutcome outcome() {
    return outcome;
  }

  @Nullable Float distanceMetres() {
    return distanceMetres;
  }

  @Nullable Float accuracyMetres() {
    return accuracyMetres;
  }
}
