package sightline.attendance.record;

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
import sightline.attendance.AttemptOutcome;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/** One check-in attempt as it was decided; never changed afterwards. */
@Entity
@Table(schema = "attendance", name = "attempt")
class Attempt {

  @Id
  private UUID id;
  private UUID sessionId;
  private UUID courseId;
  private @Nullable UUID studentId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CheckInMethod method;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private AttemptOutcome outcome;

  private Instant at;
  private @Nullable Float similarity;
  private @Nullable Float livenessScore;
  private @Nullable Double latitude;
  private @Nullable Double longitude;
  private @Nullable Float accuracyMetres;
  private @Nullable Float distanceMetres;
  private @Nullable String deviceHash;
  private @Nullable String ipAddress;
  private @Nullable String userAgent;

  protected Attempt() {
    // for JPA
  }

  Attempt(ClassSessionId session, CourseId course, @Nullable AccountId student, CheckInMethod method,
      AttemptOutcome outcome, Instant at, Evidence evidence) {
    if (method != CheckInMethod.SELF && method != CheckInMethod.KIOSK) {
      throw new IllegalArgumentException("attempts are made by students or at the kiosk, not " + method);
    }
    this.id = UUID.randomUUID();
    this.sessionId = session.value();
    this.courseId = course.value();
    this.studentId = student == null ? null : student.value();
    this.method = method;
    this.outcome = outcome;
    this.at = at;
    this.similarity = real(evidence.similarity());
    this.livenessScore = real(evidence.livenessScore());
    this.latitude = evidence.latitude();
    this.longitude = evidence.longitude();
    this.accuracyMetres = real(evidence.accuracyMetres());
    this.distanceMetres = real(evidence.distanceMetres());
    this.deviceHash = evidence.deviceHash();
    this.ipAddress = evidence.ipAddress();
    this.userAgent = evidence.userAgent();
  }

  private static @Nullable Float real(@Nullable Double value) {
    return value == null ? null : value.floatValue();
  }

  private static @Nullable Double wide(@Nullable Float value) {
    return value == null ? null : value.doubleValue();
  }

  AttemptView view() {
    return new AttemptView(id, new ClassSessionId(sessionId), new CourseId(courseId),
        studentId == null ? null : new AccountId(studentId), method, outcome, at,
        new Evidence(wide(similarity), wide(livenessScore), latitude, longitude, wide(accuracyMetres),
            wide(distanceMetres), deviceHash, ipAddress, userAgent));
  }
}
