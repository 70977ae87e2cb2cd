package sightline.attendance.record;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * One student's attendance in one class session (at most one per student and session). Its status is set when it
 * is recorded and changes only through {@link #correct}, which leaves a {@link Correction} behind.
 */
@Entity
@Table(schema = "attendance", name = "check_in")
public class CheckIn {

  /** The longest remark a teacher may write. */
  public static final int MAX_REMARK = 500;

  @Id
  private UUID id;
  private UUID sessionId;
  private UUID courseId;
  private UUID studentId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private AttendanceStatus status;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CheckInMethod method;

  private Instant recordedAt;
  private @Nullable Float similarity;
  private @Nullable Float livenessScore;
  private @Nullable Float distanceMetres;
  private @Nullable Float accuracyMetres;
  private @Nullable String deviceHash;
  private @Nullable String ipAddress;
  private @Nullable String userAgent;
  private @Nullable String remark;
  private Instant updatedAt;

  @Version
  private long version;

  protected CheckIn() {
    // for JPA
  }

  private CheckIn(ClassSessionView session, AccountId student, AttendanceStatus status, CheckInMethod method,
      Instant at, Evidence evidence, @Nullable String remark) {
    this.id = UUID.randomUUID();
    this.sessionId = session.id().value();
    this.courseId = session.course().value();
    this.studentId = student.value();
    this.status = status;
    this.method = method;
    this.recordedAt = at;
    this.updatedAt = at;
    this.similarity = real(evidence.similarity());
    this.livenessScore = real(evidence.livenessScore());
    this.distanceMetres = real(evidence.distanceMetres());
    this.accuracyMetres = real(evidence.accuracyMetres());
    this.deviceHash = evidence.deviceHash();
    this.ipAddress = evidence.ipAddress();
    this.userAgent = evidence.userAgent();
    this.remark = remark;
  }

  /**
   * A student checked in (on their own device or at the kiosk) at {@code at}: Present, or Late from the session's
   * start plus the course's grace minutes on.
   */
  public static CheckIn checkedIn(ClassSessionView session, int graceMinutes, AccountId student,
      CheckInMethod method, Instant at, Evidence evidence) {
    if (method != CheckInMethod.SELF && method != CheckInMethod.KIOSK) {
      throw new IllegalArgumentException("not a check-in method: " + method);
    }
    AttendanceStatus status = session.isLate(at, graceMinutes) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
    return new CheckIn(session, student, status, method, at, evidence, null);
  }

  /**
   * A teacher marked a student who had no record yet, with a remark.
   *
   * @throws RemarkRequired when the remark is blank
   */
  public static CheckIn marked(ClassSessionView session, AccountId student, AttendanceStatus status, String remark,
      Instant at) {
    return new CheckIn(session, student, status, CheckInMethod.MANUAL, at, Evidence.none(), requireRemark(remark));
  }

  /** The student had no record when the session ended. */
  public static CheckIn absent(ClassSessionView session, AccountId student, Instant at) {
    return new CheckIn(session, student, AttendanceStatus.ABSENT, CheckInMethod.AUTOMATIC, at, Evidence.none(),
        null);
  }

  /**
   * Changes the status, keeping the earlier one in the returned correction (which the caller stores).
   *
   * @throws RemarkRequired  when the remark is blank
   * @throws StatusUnchanged when the record already has {@code to}
   */
  public Correction correct(AttendanceStatus to, String remark, AccountId by, Instant at) {
    String reason = requireRemark(remark);
    if (to == status) {
      throw new StatusUnchanged(id(), to);
    }
    var correction = new Correction(id(), status, to, reason, by, at);
    this.status = to;
    this.remark = reason;
    this.updatedAt = at;
    return correction;
  }

  private static String requireRemark(String remark) {
    String stripped = remark.strip();
    if (stripped.isEmpty()) {
      throw new RemarkRequired();
    }
    return stripped.length() > MAX_REMARK ? stripped.substring(0, MAX_REMARK) : stripped;
  }

  private static @Nullable Float real(@Nullable Double value) {
    return value == null ? null : value.floatValue();
  }

  private static @Nullable Double wide(@Nullable Float value) {
    return value == null ? null : value.doubleValue();
  }

  public CheckInId id() {
    return new CheckInId(id);
  }

  public ClassSessionId session() {
    return new ClassSessionId(sessionId);
  }

  public CourseId course() {
    return new CourseId(courseId);
  }

  public AccountId student() {
    return new AccountId(studentId);
  }

  public AttendanceStatus status() {
    return status;
  }

  public CheckInMethod method() {
    return method;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public @Nullable Double similarity() {
    return wide(similarity);
  }

  public @Nullable String remark() {
    return remark;
  }

  public CheckInView view() {
    return new CheckInView(id(), session(), course(), student(), status, method, recordedAt,
        new Evidence(wide(similarity), wide(livenessScore), null, null, wide(accuracyMetres), wide(distanceMetres),
            deviceHash, ipAddress, userAgent), remark, updatedAt);
  }
}
