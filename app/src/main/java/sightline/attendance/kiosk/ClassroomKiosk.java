package sightline.attendance.kiosk;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInResult;
import sightline.attendance.record.Evidence;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotFound;
import sightline.biometrics.LivenessSessions;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.courses.NotCourseTeacher;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * The classroom kiosk: a teacher's tablet at the door checks students in one after another. Each student runs a
 * short liveness session (purpose CHECK_IN, no subject: the kiosk does not know who stands in front of it); the
 * passed session's face is identified 1:N among the course's enrolled students only, never among everyone, and a
 * face that matches nobody on the roster (UNKNOWN) or two students about equally (AMBIGUOUS) is refused, never
 * forced onto the nearest student. A match is recorded as a KIOSK check-in through the attendance records; every
 * attempt, accepted or refused, is recorded there too. Inference runs outside any transaction.
 */
@Service
class ClassroomKiosk {

  /** The kiosk's page header: which class, and whether it takes check-ins now. */
  record KioskView(ClassSessionView session, CourseView course, boolean open, int rosterSize) {}

  /**
   * One student's turn at the kiosk.
   *
   * @param student     who was identified (null for refusals that identified nobody)
   * @param studentName their display name, for the greeting
   * @param status      PRESENT or LATE when recorded (or the status already recorded)
   * @param at          when they were checked in (now, or earlier when already checked in)
   */
  record Turn(AttemptOutcome outcome, @Nullable AccountId student, @Nullable String studentName,
      @Nullable AttendanceStatus status, @Nullable Instant at) {

    static Turn refused(AttemptOutcome outcome) {
      return new Turn(outcome, null, null, null, null);
    }
  }

  private final Courses courses;
  private final LivenessSessions liveness;
  private final FaceMatching matching;
  private final AccountDirectory accounts;
  private final KioskLivenessSessions started;
  private final AttendanceRecords records;
  private final Clock clock;

  ClassroomKiosk(Courses courses, LivenessSessions liveness, FaceMatching matching, AccountDirectory accounts,
      KioskLivenessSessions started, AttendanceRecords records, Clock clock) {
    this.courses = courses;
    this.liveness = liveness;
    this.matching = matching;
    this.accounts = accounts;
    this.started = started;
    this.records = records;
    this.clock = clock;
  }

  /**
   * The kiosk of a class session, for its course's teachers (and administrators).
   *
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher                       unless {@code user} teaches the course or is an administrator
   */
  KioskView open(ClassSessionId session, SignedInUser user) {
    ClassSessionView found = courses.session(session);
    CourseView course = courses.get(found.course());
    requireTeacher(course, user);
    return new KioskView(found, course, found.isOpenAt(clock.instant()),
        courses.enrolledStudents(course.id()).size());
  }

  /**
   * Starts the liveness session of the next student's turn.
   *
   * @throws KioskSessionNotOpen when the class session does not take check-ins now
   * @throws sightline.biometrics.LivenessLimitReached when the kiosk's address starts sessions too fast
   */
  LivenessChallenge startTurn(ClassSessionId session, SignedInUser user, String clientAddress) {
    KioskView kiosk = open(session, user);
    if (!kiosk.open()) {
      throw new KioskSessionNotOpen(session);
    }
    LivenessChallenge challenge = liveness.start(LivenessPurpose.CHECK_IN, null, clientAddress);
    started.remember(challenge.id(), session);
    return challenge;
  }

  /**
   * Ends a turn: identifies the face of the passed liveness session among the course's roster and checks the
   * student in, or records why not.
   *
   * @param nonce the liveness session's nonce: proves the caller is the kiosk that ran it
   * @throws LivenessSessionNotFound  when this kiosk did not start the session for this class session
   * @throws sightline.biometrics.LivenessSessionNotYours  when the nonce is wrong
   * @throws sightline.biometrics.LivenessSessionNotPassed while the session still runs (nothing recorded)
   */
  Turn endTurn(ClassSessionId session, SignedInUser user, LivenessSessionId turn, String nonce,
      Evidence device) {
    KioskView kiosk = open(session, user);
    if (!started.classSessionOf(turn).map(session::equals).orElse(false)) {
      throw new LivenessSessionNotFound(turn);
    }
    LivenessFrameAnswer answer = liveness.status(turn, nonce);
    if (answer.state() == LivenessFrameAnswer.State.FAILED) {
      started.forget(turn);
      return refuse(kiosk, AttemptOutcome.LIVENESS_FAILED, null, null, device);
    }
    LivenessOutcome passed = liveness.consume(turn);   // still running: 409, the turn stays
    started.forget(turn);
    if (!kiosk.session().isOpenAt(clock.instant())) {
      return refuse(kiosk, AttemptOutcome.SESSION_NOT_OPEN, null, null, device);
    }
    if (passed.probe() == null) {
      return refuse(kiosk, AttemptOutcome.LIVENESS_FAILED, null, null, device);
    }
    FaceDecision decision = matching.identify(passed.probe(), courses.enrolledStudents(kiosk.course().id()),
        passed.passiveLivenessScore(), FaceDecision.Purpose.ATTENDANCE, user.id());
    AttemptOutcome outcome = switch (decision.outcome()) {
      case MATCH -> AttemptOutcome.ACCEPTED;
      case AMBIGUOUS -> AttemptOutcome.AMBIGUOUS_FACE;
      case NOT_LIVE -> AttemptOutcome.LIVENESS_FAILED;
      case NOT_ENROLLED -> AttemptOutcome.FACE_NOT_ENROLLED;
      default -> AttemptOutcome.UNKNOWN_FACE;
    };
    if (outcome != AttemptOutcome.ACCEPTED) {
      return refuse(kiosk, outcome, decision.similarity(), passed.passiveLivenessScore(), device);
    }
    AccountId student = decision.matched();
    String name = accounts.find(student).map(AccountView::displayName).orElse("");
    Evidence evidence = device.withFace(decision.similarity(), passed.passiveLivenessScore());
    return switch (records.recordCheckIn(kiosk.session(), kiosk.course().graceMinutes(), student,
        CheckInMethod.KIOSK, evidence)) {
      case CheckInResult.Recorded recorded -> new Turn(AttemptOutcome.ACCEPTED, student, name,
          recorded.checkIn().status(), recorded.checkIn().recordedAt());
      case CheckInResult.AlreadyCheckedIn already -> {
        var existing = records.checkInOf(kiosk.session().id(), student);
        yield new Turn(AttemptOutcome.ALREADY_CHECKED_IN, student, name,
            existing.map(c -> c.status()).orElse(null), existing.map(c -> c.recordedAt()).orElse(null));
      }
    };
  }

  private Turn refuse(KioskView kiosk, AttemptOutcome outcome, @Nullable Double similarity,
      @Nullable Double livenessScore, Evidence device) {
    Evidence evidence = similarity != null && livenessScore != null ? device.withFace(similarity, livenessScore)
        : livenessScore != null ? device.withLiveness(livenessScore) : device;
    records.recordRefusal(kiosk.session(), null, CheckInMethod.KIOSK, outcome, evidence);
    return Turn.refused(outcome);
  }

  private static void requireTeacher(CourseView course, SignedInUser user) {
    if (!course.taughtBy(user.id()) && !user.has(Role.ADMIN)) {
      throw new NotCourseTeacher(course.id());
    }
  }
}
