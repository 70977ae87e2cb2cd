package sightline.attendance.record;

import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInAttempted;
import sightline.attendance.CheckInCorrected;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.attendance.CheckInRecorded;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.Courses;
import sightline.identity.AccountId;

/**
 * Writes and reads the attendance records. Every write runs in a short transaction of its own (REQUIRES_NEW), so
 * that a refused attempt is stored even when its caller's work rolls back, and publishes its event inside that
 * transaction. Who may do what (a teacher of the course, the student themself) is the caller's check.
 * Thread-safe.
 */
@Service
public class AttendanceRecords {

  /** The most attempts a session's log or a student's history returns. */
  public static final int MAX_ATTEMPTS_LISTED = 1000;

  private final CheckInRepository checkIns;
  private final AttemptRepository attempts;
  private final CorrectionRepository corrections;
  private final StatusPointsRepository points;
  private final SessionFinalisedRepository finalised;
  private final EntityManager entityManager;
  private final Courses courses;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate fresh;
  private final TransactionTemplate reading;
  private final Clock clock;

  AttendanceRecords(CheckInRepository checkIns, AttemptRepository attempts, CorrectionRepository corrections,
      StatusPointsRepository points, SessionFinalisedRepository finalised, EntityManager entityManager,
      Courses courses, ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
    this.checkIns = checkIns;
    this.attempts = attempts;
    this.corrections = corrections;
    this.points = points;
    this.finalised = finalised;
    this.entityManager = entityManager;
    this.courses = courses;
    this.events = events;
    this.fresh = new TransactionTemplate(transactionManager);
    this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * Stores a refused attempt in a transaction of its own and announces it as {@link CheckInAttempted}. Accepted
   * attempts are stored with their record by {@link #recordCheckIn}.
   *
   * @param student who tried; null for a kiosk face that matched nobody
   */
  public AttemptView recordRefusal(ClassSessionView session, @Nullable AccountId student, CheckInMethod method,
      AttemptOutcome outcome, Evidence evidence) {
    if (outcome.accepted()) {
      throw new IllegalArgumentException("an accepted attempt is stored with its record");
    }
    Instant at = clock.instant();
    return inFreshTransaction(() -> storeAttempt(session, student, method, outcome, at, evidence));
  }

  /**
   * Records a student's check-in (SELF or KIOSK) at the current time: Present, or Late after the course's grace
   * minutes. The unique record per student and session decides between concurrent check-ins: the one whose insert
   * commits gets the record and an ACCEPTED attempt, every other one an ALREADY_CHECKED_IN attempt.
   */
  public CheckInResult recordCheckIn(ClassSessionView session, int graceMinutes, AccountId student,
      CheckInMethod method, Evidence evidence) {
    Instant at = clock.instant();
    try {
      return inFreshTransaction(() -> {
        CheckIn checkIn = CheckIn.checkedIn(session, graceMinutes, student, method, at, evidence);
        insert(checkIn);
        storeAttempt(session, student, method, AttemptOutcome.ACCEPTED, at, evidence);
        events.publishEvent(recorded(checkIn));
        return new CheckInResult.Recorded(checkIn.view());
      });
    } catch (RuntimeException e) {
      if (!isConstraintViolation(e) || !hasRecord(session.id(), student)) {
        throw e;
      }
      return new CheckInResult.AlreadyCheckedIn(
          recordRefusal(session, student, method, AttemptOutcome.ALREADY_CHECKED_IN, evidence));
    }
  }

  /**
   * A teacher marks a student by hand with a remark: a new MANUAL record when there is none, otherwise a correction
   * of the existing one.
   *
   * @throws RemarkRequired  when the remark is blank
   * @throws StatusUnchanged when the existing record already has that status
   */
  public CheckInView mark(ClassSessionView session, AccountId student, AttendanceStatus status, String remark,
      AccountId by) {
    Optional<CheckInView> existing = checkInOf(session.id(), student);
    if (existing.isPresent()) {
      return correct(existing.get().id(), status, remark, by);
    }
    Instant at = clock.instant();
    try {
      return inFreshTransaction(() -> {
        CheckIn checkIn = CheckIn.marked(session, student, status, remark, at);
        insert(checkIn);
        events.publishEvent(recorded(checkIn));
        return checkIn.view();
      });
    } catch (RuntimeException e) {
      if (!isConstraintViolation(e)) {
        throw e;
      }
      // Someone recorded the student meanwhile: the mark becomes a correction of that record.
      CheckInView raced = checkInOf(session.id(), student).orElseThrow(() -> e);
      return correct(raced.id(), status, remark, by);
    }
  }

  /**
   * Changes a record's status with a remark; the earlier status stays in its corrections. Announced as
   * {@link CheckInCorrected}.
   *
   * @throws CheckInNotFound when there is no such record
   * @throws RemarkRequired  when the remark is blank
   * @throws StatusUnchanged when the record already has {@code to}
   */
  public CheckInView correct(CheckInId id, AttendanceStatus to, String remark, AccountId by) {
    Instant at = clock.instant();
    return inFreshTransaction(() -> {
      CheckIn checkIn = checkIns.findById(id.value()).orElseThrow(() -> new CheckInNotFound(id));
      AttendanceStatus from = checkIn.status();
      Correction correction = checkIn.correct(to, remark, by, at);
      entityManager.persist(correction);
      events.publishEvent(new CheckInCorrected(checkIn.id(), checkIn.session(), checkIn.course(), checkIn.student(),
          from, to, correction.remark(), by, at));
      return checkIn.view();
    });
  }

  /**
   * Marks every enrolled student without a record ABSENT (method AUTOMATIC) once the session has ended. Runs once
   * per session across all servers: the first caller's claim wins, later calls do nothing.
   *
   * @return how many students were marked absent (0 when the session has not ended or was finalised already)
   */
  public int markUnmarkedAbsent(ClassSessionId sessionId) {
    ClassSessionView session = courses.session(sessionId);
    Instant at = clock.instant();
    if (!session.hasEndedAt(at) || finalised.existsById(sessionId.value())) {
      return 0;
    }
    Set<AccountId> enrolled = courses.enrolledStudents(session.course());
    try {
      Integer marked = inFreshTransaction(() -> {
        entityManager.persist(new SessionFinalised(sessionId, at));
        entityManager.flush();
        Set<UUID> recorded = new java.util.HashSet<>();
        checkIns.findBySessionIdOrderByRecordedAt(sessionId.value()).forEach(c -> recorded.add(c.student().value()));
        int count = 0;
        for (AccountId student : enrolled) {
          if (!recorded.contains(student.value())) {
            CheckIn absent = CheckIn.absent(session, student, at);
            entityManager.persist(absent);
            events.publishEvent(recorded(absent));
            count++;
          }
        }
        return count;
      });
      return marked == null ? 0 : marked;
    } catch (RuntimeException e) {
      if (isConstraintViolation(e)) {
        // Another server claimed the session first, or a teacher marked a student in the same instant; in the
        // latter case the next sweep finalises it.
        return 0;
      }
      throw e;
    }
  }

  /** Whether the session's unmarked students were marked absent. */
  public boolean isFinalised(ClassSessionId session) {
    return finalised.existsById(session.value());
  }

  public Optional<CheckInView> checkIn(CheckInId id) {
    return read(() -> checkIns.findById(id.value()).map(CheckIn::view));
  }

  public Optional<CheckInView> checkInOf(ClassSessionId session, AccountId student) {
    return read(() -> checkIns.findBySessionIdAndStudentId(session.value(), student.value()).map(CheckIn::view));
  }

  public boolean hasRecord(ClassSessionId session, AccountId student) {
    Boolean exists = read(() -> checkIns.existsBySessionIdAndStudentId(session.value(), student.value()));
    return Boolean.TRUE.equals(exists);
  }

  /** The session's records, by time recorded. */
  public List<CheckInView> checkInsOfSession(ClassSessionId session) {
    return read(() -> checkIns.findBySessionIdOrderByRecordedAt(session.value()).stream().map(CheckIn::view)
        .toList());
  }

  /** The course's records of every session, by time recorded (course reports). */
  public List<CheckInView> checkInsOfCourse(CourseId course) {
    return read(() -> checkIns.findByCourseIdOrderByRecordedAt(course.value()).stream().map(CheckIn::view).toList());
  }

  /** A student's records, newest first. */
  public List<CheckInView> checkInsOfStudent(AccountId student) {
    return read(() -> checkIns.findByStudentIdOrderByRecordedAtDesc(student.value()).stream().map(CheckIn::view)
        .toList());
  }

  /** The session's attempts, newest first, at most {@link #MAX_ATTEMPTS_LISTED}. */
  public List<AttemptView> attemptsOfSession(ClassSessionId session) {
    return read(() -> attempts.findBySessionIdOrderByAtDesc(session.value(), Limit.of(MAX_ATTEMPTS_LISTED)).stream()
        .map(Attempt::view).toList());
  }

  /** A student's attempts in every session, newest first, at most {@code limit}. */
  public List<AttemptView> attemptsOfStudent(AccountId student, int limit) {
    return read(() -> attempts.findByStudentIdOrderByAtDesc(student.value(),
        Limit.of(Math.min(limit, MAX_ATTEMPTS_LISTED))).stream().map(Attempt::view).toList());
  }

  /** The corrections of the given records, oldest first. */
  public List<CorrectionView> corrections(Collection<CheckInId> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    return read(() -> corrections.findByCheckInIdInOrderByAt(records.stream().map(CheckInId::value).toList())
        .stream().map(Correction::view).toList());
  }

  /** The points each status earns in the course; the defaults unless the teacher changed them. */
  public StatusPointsView points(CourseId course) {
    return read(() -> points.findById(course.value()).map(StatusPoints::view)
        .orElseGet(() -> StatusPointsView.defaults(course)));
  }

  /** Several courses' points at once. */
  public Map<CourseId, StatusPointsView> points(Collection<CourseId> courseIds) {
    Map<CourseId, StatusPointsView> byCourse = new HashMap<>();
    courseIds.forEach(course -> byCourse.put(course, StatusPointsView.defaults(course)));
    read(() -> {
      points.findAllById(courseIds.stream().map(CourseId::value).toList())
          .forEach(row -> byCourse.put(row.view().course(), row.view()));
      return null;
    });
    return byCourse;
  }

  /** Changes the course's points per status (the caller checked that a teacher of the course asks). */
  public StatusPointsView changePoints(StatusPointsView changed) {
    return inFreshTransaction(() -> {
      StatusPoints row = points.findById(changed.course().value())
          .orElseGet(() -> points.save(new StatusPoints(changed.course())));
      row.change(changed);
      return row.view();
    });
  }

  private AttemptView storeAttempt(ClassSessionView session, @Nullable AccountId student, CheckInMethod method,
      AttemptOutcome outcome, Instant at, Evidence evidence) {
    var attempt = new Attempt(session.id(), session.course(), student, method, outcome, at, evidence);
    entityManager.persist(attempt);
    AttemptView view = attempt.view();
    events.publishEvent(new CheckInAttempted(view.id(), session.id(), session.course(), student, method, outcome,
        at));
    return view;
  }

  /** Inserts now, so that a duplicate fails here (inside the transaction) rather than at commit. */
  private void insert(CheckIn checkIn) {
    entityManager.persist(checkIn);
    entityManager.flush();
  }

  private static CheckInRecorded recorded(CheckIn checkIn) {
    return new CheckInRecorded(checkIn.id(), checkIn.session(), checkIn.course(), checkIn.student(),
        checkIn.status(), checkIn.method(), checkIn.similarity(), checkIn.recordedAt());
  }

  private <T> T inFreshTransaction(java.util.function.Supplier<T> work) {
    T result = fresh.execute(status -> work.get());
    if (result == null) {
      throw new IllegalStateException("the transaction returned nothing");
    }
    return result;
  }

  private <T> T read(java.util.function.Supplier<T> work) {
    return reading.execute(status -> work.get());
  }

  /** A unique or foreign-key violation, however the persistence stack wrapped it (SQLSTATE class 23). */
  static boolean isConstraintViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataIntegrityViolationException
          || cause instanceof org.hibernate.exception.ConstraintViolationException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
