package sightline.attendance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInResult;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.Evidence;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotFound;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessions;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.courses.Place;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * A student checks in on their own device. The checks run in the seed's order and the first that fails decides:
 * signed in as a student, enrolled, session open, location given, accurate enough and inside the place (online
 * sessions have no place), not already checked in, the QR code on show (when the teacher shows one), at most
 * {@value #RATE_LIMIT} attempts a minute, a passed liveness session of this student for check-in, and the face it
 * saw matches the student's templates. Every attempt is recorded with its outcome and evidence.
 *
 * <p>The cheap checks also run alone ({@link #preflight}), so the page can tell a student outside the classroom
 * before the camera starts; the preflight records nothing, the final request always records. No transaction or
 * connection is held while the face is matched. Thread-safe.
 */
@Service
class SelfCheckIn {

  /** The rate limit's name in {@link RateLimits}: attempts per student. */
  static final String RATE_LIMIT = "check-in";

  /** The longest device id kept for hashing (the page generates a UUID). */
  static final int MAX_DEVICE_ID = 200;

  /** Where the browser says it is; parts the browser did not give are null. */
  record Location(@Nullable Double latitude, @Nullable Double longitude, @Nullable Double accuracyMetres) {

    boolean given() {
      return latitude != null && longitude != null && accuracyMetres != null && latitude >= -90 && latitude <= 90
          && longitude >= -180 && longitude <= 180 && accuracyMetres >= 0 && Double.isFinite(accuracyMetres);
    }
  }

  /** A check-in request: the passed liveness session, the location, the browser's device id and the QR token. */
  record Request(@Nullable UUID livenessSessionId, Location location, @Nullable String deviceId,
      @Nullable String qrToken) {
  }

  /** Where the request came from. */
  record Client(String ipAddress, @Nullable String userAgent) {
  }

  /** The answer of the cheap checks: ACCEPTED when the camera may start. */
  record Preflight(AttemptOutcome outcome, ClassSessionView session, CourseView course, Facts facts) {
  }

  private final Courses courses;
  private final AttendanceRecords records;
  private final QrTokens qrTokens;
  private final QrSessionRepository qrSessions;
  private final RateLimits rateLimits;
  private final LivenessSessions liveness;
  private final FaceMatching matching;
  private final CheckInKeys keys;
  private final Clock clock;

  SelfCheckIn(Courses courses, AttendanceRecords records, QrTokens qrTokens, QrSessionRepository qrSessions,
      RateLimits rateLimits, LivenessSessions liveness, FaceMatching matching, CheckInKeys keys, Clock clock) {
    this.courses = courses;
    this.records = records;
    this.qrTokens = qrTokens;
    this.qrSessions = qrSessions;
    this.rateLimits = rateLimits;
    this.liveness = liveness;
    this.matching = matching;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The checks that need no camera, in order; records nothing.
   *
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   */
  Preflight preflight(SignedInUser student, ClassSessionId sessionId, Location location, @Nullable String qrToken) {
    ClassSessionView session = courses.session(sessionId);
    CourseView course = courses.get(session.course());
    Instant now = clock.instant();
    Place place = session.place();
    Double distance = place == null || !location.given() ? null
        : place.distanceMetresTo(location.latitude(), location.longitude());
    Facts facts = new Facts(distance, place == null ? null : place.radiusMetres(), location.accuracyMetres(), 0);
    return new Preflight(cheapChecks(student, session, course, location, distance, qrToken, now), session, course,
        facts);
  }

  private AttemptOutcome cheapChecks(SignedInUser student, ClassSessionView session, CourseView course,
      Location location, @Nullable Double distance, @Nullable String qrToken, Instant now) {
    if (!student.has(Role.STUDENT)) {
      return AttemptOutcome.NOT_A_STUDENT;
    }
    if (!courses.isEnrolled(course.id(), student.id())) {
      return AttemptOutcome.NOT_ENROLLED;
    }
    if (!session.isOpenAt(now)) {
      return AttemptOutcome.SESSION_NOT_OPEN;
    }
    Place place = session.place();
    if (place != null) {
      if (!location.given() || distance == null) {
        return AttemptOutcome.LOCATION_MISSING;
      }
      // A position whose uncertainty is wider than the place itself cannot show the student is inside it.
      if (location.accuracyMetres() > place.radiusMetres()) {
        return AttemptOutcome.LOCATION_TOO_INACCURATE;
      }
      if (distance > place.radiusMetres()) {
        return AttemptOutcome.OUTSIDE_PLACE;
      }
    }
    if (records.hasRecord(session.id(), student.id())) {
      return AttemptOutcome.ALREADY_CHECKED_IN;
    }
    if (qrSessions.existsById(session.id().value()) && !qrTokens.accepts(session.id(), qrToken)) {
      return AttemptOutcome.QR_CODE_INVALID;
    }
    return AttemptOutcome.ACCEPTED;
  }

  /**
   * Runs the whole pipeline and records the attempt.
   *
   * @return the new record
   * @throws CheckInRefused for every refusal, after recording it
   * @throws sightline.courses.ClassSessionNotFound when there is no such session (nothing to record against)
   */
  CheckInView checkIn(SignedInUser student, ClassSessionId sessionId, Request request, Client client) {
    Preflight preflight = preflight(student, sessionId, request.location(), request.qrToken());
    ClassSessionView session = preflight.session();
    Facts facts = preflight.facts();
    Location location = request.location();
    Evidence evidence = new Evidence(null, null, location.latitude(), location.longitude(),
        location.accuracyMetres(), facts.distanceMetres(), deviceHash(request.deviceId()), client.ipAddress(),
        client.userAgent());
    if (!preflight.outcome().accepted()) {
      throw refuse(session, student, preflight.outcome(), evidence, facts);
    }
    try {
      rateLimits.consume(RATE_LIMIT, student.id().toString());
    } catch (RateLimitExceeded limited) {
      records.recordRefusal(session, student.id(), CheckInMethod.SELF, AttemptOutcome.TOO_MANY_ATTEMPTS, evidence);
      throw CheckInRefused.tooManyAttempts(facts, limited.retryAfterSeconds());
    }
    LivenessOutcome live = passedLiveness(student, request.livenessSessionId());
    if (live == null || live.probe() == null) {
      Evidence seen = live == null ? evidence : evidence.withLiveness(live.passiveLivenessScore());
      throw refuse(session, student, AttemptOutcome.LIVENESS_FAILED, seen, facts);
    }
    FaceDecision decision = matching.verify(student.id(), live.probe(), live.passiveLivenessScore(),
        FaceDecision.Purpose.ATTENDANCE, student.id());
    Evidence matched = decision.similarity() == null ? evidence.withLiveness(live.passiveLivenessScore())
        : evidence.withFace(decision.similarity(), live.passiveLivenessScore());
    if (!decision.isMatch()) {
      AttemptOutcome why = switch (decision.outcome()) {
        case NOT_ENROLLED -> AttemptOutcome.FACE_NOT_ENROLLED;
        case NOT_LIVE, NO_FACE, SEVERAL_FACES -> AttemptOutcome.LIVENESS_FAILED;
        default -> AttemptOutcome.FACE_NOT_MATCHED;
      };
      throw refuse(session, student, why, matched, facts);
    }
    CheckInResult result = records.recordCheckIn(session, preflight.course().graceMinutes(), student.id(),
        CheckInMethod.SELF, matched);
    return switch (result) {
      case CheckInResult.Recorded recorded -> recorded.checkIn();
      case CheckInResult.AlreadyCheckedIn already -> throw new CheckInRefused(AttemptOutcome.ALREADY_CHECKED_IN,
          facts);
    };
  }

  /**
   * The student's passed CHECK_IN liveness session, consumed now; null when there is none (unknown, another
   * person's, another purpose, failed, still running or used before).
   */
  private @Nullable LivenessOutcome passedLiveness(SignedInUser student, @Nullable UUID id) {
    if (id == null) {
      return null;
    }
    var session = new LivenessSessionId(id);
    try {
      LivenessOutcome seen = liveness.result(session);
      if (seen.purpose() != LivenessPurpose.CHECK_IN || !student.id().equals(seen.subject()) || !seen.passed()) {
        return null;
      }
      return liveness.consume(session);
    } catch (LivenessSessionNotFound | LivenessSessionNotPassed unusable) {
      return null;
    }
  }

  private CheckInRefused refuse(ClassSessionView session, SignedInUser student, AttemptOutcome outcome,
      Evidence evidence, Facts facts) {
    records.recordRefusal(session, student.id(), CheckInMethod.SELF, outcome, evidence);
    return new CheckInRefused(outcome, facts);
  }

  private @Nullable String deviceHash(@Nullable String deviceId) {
    if (deviceId == null || deviceId.isBlank()) {
      return null;
    }
    String id = deviceId.strip();
    return keys.deviceHash(id.length() > MAX_DEVICE_ID ? id.substring(0, MAX_DEVICE_ID) : id);
  }

  /** Whether the teacher shows the QR code for the session (check-in then needs it). */
  boolean qrRequired(ClassSessionId session) {
    return qrSessions.existsById(session.value());
  }
}
