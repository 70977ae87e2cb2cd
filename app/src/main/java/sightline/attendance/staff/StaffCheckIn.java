package sightline.attendance.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/** A teacher's check-in for one day (the school's time zone): at most one per teacher and day. */
@Entity
@Table(schema = "attendance", name = "staff_check_in")
class StaffCheckIn {

  @Id
  private UUID id;
  private UUID teacherId;
  private LocalDate onDay;
  private Instant checkedInAt;
  private float similarity;
  private float livenessScore;
  private float distanceMetres;
  private float accuracyMetres;
  private @Nullable String ipAddress;
  private @Nullable String userAgent;

  protected StaffCheckIn() {
    // for JPA
  }

  StaffCheckIn(AccountId teacher, LocalDate day, Instant at, double similarity, double livenessScore,
      double distanceMetres, double accuracyMetres, Device device) {
    this.id = UUID.randomUUID();
    this.teacherId = teacher.value();
    this.onDay = day;
    this.checkedInAt = at;
    this.similarity = (float) similarity;
    this.livenessScore = (float) livenessScore;
    this.distanceMetres = (float) distanceMetres;
    this.accuracyMetres = (float) accuracyMetres;
    this.ipAddress = device.ipAddress();
    this.userAgent = device.userAgent();
  }

  AccountId teacher() {
    return new AccountId(teacherId);
  }

  LocalDate day() {
    return onDay;
  }

  Instant checkedInAt() {
    return checkedInAt;
  }

  double distanceMetres() {
    return distanceMetres;
  }
}
