package sightline.attendance.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessionNotYours;
import sightline.biometrics.LivenessSessions;
import sightline.courses.Place;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;
import sightline.system.Times;

/**
 * Staff attendance: a teacher checks in once a day (the school's time zone) at the school's place, with the same
 * checks as a student's check-in: the place first (cheap, and a refusal there needs no face), then the day's record,
 * then a passed liveness session the teacher ran for CHECK_IN and a 1:1 match of its face with the teacher. Every
 * attempt is recorded with its outcome. Inference never runs inside a transaction; each write is a short one.
 */
@Service
class StaffAttendance {

  /** A check-in's answer: the outcome and, when accepted (or already done today), when. */
  record Result(StaffOutcome outcome, @Nullable Instant checkedInAt, @Nullable Double distanceMetres) {}

  /** One attempt as pages and the API show it. */
  record AttemptRow(Instant at, LocalDate day, AccountId teacher, String teacherName, StaffOutcome outcome,
      @Nullable Double distanceMetres, @Nullable Double accuracyMetres) {}

  /** The teacher's day: today's check-in, if any, and today's attempts, newest first. */
  record Today(LocalDate day, @Nullable Instant checkedInAt, boolean placeSet, List<AttemptRow> attempts) {}

  /** One teacher on one day in the administrators' report. */
  record ReportRow(LocalDate day, AccountId teacher, String teacherName, @Nullable Instant checkedInAt,
      @Nullable Double distanceMetres, List<StaffOutcome> refusals) {}

  /** The report for days [{@code from}, {@code to}]: per day and teacher, and every attempt. */
  record Report(LocalDate from, LocalDate to, List<ReportRow> rows, List<AttemptRow> attempts) {}

  /** The school's place as the settings page shows it. */
  record PlaceSetting(Place place, AccountId updatedBy, Instant updatedAt) {}

  static final String RATE_LIMIT = "staff-check-in";

  private final SchoolPlaceRepository places;
  private final StaffCheckInRepository checkIns;
  private final StaffAttemptRepository attempts;
  private final LivenessSessions liveness;
  private final FaceMatching matching;
  private final AccountDirectory accounts;
  private final RateLimits rateLimits;
  private final TransactionOperations transactions;
  private final Times times;
  private final Clock clock;

  StaffAttendance(SchoolPlaceRepository places, StaffCheckInRepository checkIns, StaffAttemptRepository attempts,
      LivenessSessions liveness, FaceMatching matching, AccountDirectory accounts, RateLimits rateLimits,
      TransactionOperations transactions, Times times, Clock clock) {
    this.places = places;
    this.checkIns = checkIns;
    this.attempts = attempts;
    this.liveness = liveness;
    this.matching = matching;
    this.accounts = accounts;
    this.rateLimits = rateLimits;
    this.transactions = transactions;
    this.times = times;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Optional<PlaceSetting> place() {
    return places.findById(SchoolPlace.ONLY)
        .map(p -> new PlaceSetting(p.place(), p.updatedBy(), p.updatedAt()));
  }

  @Transactional
  void setPlace(Place place, AccountId admin) {
    Instant now = clock.instant();
    places.findById(SchoolPlace.ONLY).ifPresentOrElse(p -> p.change(place, admin, now),
        () -> places.save(new SchoolPlace(place, admin, now)));
  }

  /** Today in the school's time zone. */
  LocalDate currentDay() {
    return LocalDate.ofInstant(clock.instant(), times.zone());
  }

  @Transactional(readOnly = true)
  Today today(AccountId teacher) {
    LocalDate day = currentDay();
    String name = nameOf(teacher, new HashMap<>());
    return new Today(day, checkIns.findByTeacherIdAndOnDay(teacher.value(), day).map(StaffCheckIn::checkedInAt)
        .orElse(null), places.existsById(SchoolPlace.ONLY),
        attempts.findByTeacherIdAndOnDayOrderByAtDesc(teacher.value(), day).stream()
            .map(a -> row(a, name)).toList());
  }

  /**
   * Checks {@code teacher} in for today.
   *
   * @param session the liveness session the teacher ran (purpose CHECK_IN, subject the teacher); null when the
   *                browser gave no position and the check stops before the face
   * @throws LivenessSessionNotYours  when the session was not the teacher's own CHECK_IN session
   * @throws LivenessSessionNotPassed while the session still runs, or when it was used before
   * @throws RateLimitExceeded        after too many attempts (10 a minute), recorded
   */
  Result checkIn(AccountId teacher, @Nullable Position position, @Nullable LivenessSessionId session,
      Device device) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, times.zone());
    try {
      rateLimits.consume(RATE_LIMIT, teacher.toString());
    } catch (RateLimitExceeded limited) {
      record(teacher, day, now, StaffOutcome.TOO_MANY_ATTEMPTS, position, null, null, null, device);
      throw limited;
    }
    PlaceCheck placeCheck = PlaceCheck.of(place().map(PlaceSetting::place).orElse(null), position);
    Double distance = placeCheck.distanceMetres();
    if (!placeCheck.outcome().accepted()) {
      return refuse(teacher, day, now, placeCheck.outcome(), position, distance, null, null, device);
    }
    Optional<Instant> done = transactions.execute(tx -> checkIns.findByTeacherIdAndOnDay(teacher.value(), day)
        .map(StaffCheckIn::checkedInAt));
    if (done.isPresent()) {
      record(teacher, day, now, StaffOutcome.ALREADY_CHECKED_IN, position, distance, null, null, device);
      return new Result(StaffOutcome.ALREADY_CHECKED_IN, done.get(), distance);
    }
    if (session == null) {
      return refuse(teacher, day, now, StaffOutcome.LIVENESS_FAILED, position, distance, null, null, device);
    }
    LivenessOutcome ran = liveness.result(session);
    if (ran.purpose() != LivenessPurpose.CHECK_IN || !teacher.equals(ran.subject())) {
      throw new LivenessSessionNotYours();
    }
    if (ran.ended() && !ran.passed()) {
      return refuse(teacher, day, now, StaffOutcome.LIVENESS_FAILED, position, distance, null,
          ran.passiveLivenessScore(), device);
    }
    LivenessOutcome passed = liveness.consume(session);   // still running or used before: 409, nothing recorded
    if (passed.probe() == null) {
      return refuse(teacher, day, now, StaffOutcome.LIVENESS_FAILED, position, distance, null,
          passed.passiveLivenessScore(), device);
    }
    FaceDecision decision = matching.verify(teacher, passed.probe(), passed.passiveLivenessScore(),
        FaceDecision.Purpose.ATTENDANCE, teacher);
    StaffOutcome outcome = switch (decision.outcome()) {
      case MATCH -> StaffOutcome.ACCEPTED;
      case NOT_ENROLLED -> StaffOutcome.FACE_NOT_ENROLLED;
      case NOT_LIVE -> StaffOutcome.LIVENESS_FAILED;
      default -> StaffOutcome.FACE_NOT_MATCHED;
    };
    Double similarity = decision.similarity();
    if (!outcome.accepted()) {
      return refuse(teacher, day, now, outcome, position, distance, similarity, passed.passiveLivenessScore(),
          device);
    }
    try {
      transactions.executeWithoutResult(tx -> checkIns.saveAndFlush(new StaffCheckIn(teacher, day, now,
          similarity, passed.passiveLivenessScore(), distance, position.accuracyMetres(), device)));
    } catch (DataIntegrityViolationException twice) {
      // Another tab checked in first (staff_check_in_once): one record, this attempt says so.
      record(teacher, day, now, StaffOutcome.ALREADY_CHECKED_IN, position, distance, similarity,
          passed.passiveLivenessScore(), device);
      return new Result(StaffOutcome.ALREADY_CHECKED_IN, transactions.execute(tx -> checkIns
          .findByTeacherIdAndOnDay(teacher.value(), day).map(StaffCheckIn::checkedInAt).orElse(now)), distance);
    }
    record(teacher, day, now, StaffOutcome.ACCEPTED, position, distance, similarity, passed.passiveLivenessScore(),
        device);
    return new Result(StaffOutcome.ACCEPTED, now, distance);
  }

  /** Every teacher who checked in or tried to on each day of [{@code from}, {@code to}], days newest first. */
  @Transactional(readOnly = true)
  Report report(LocalDate from, LocalDate to) {
    record Key(LocalDate day, AccountId teacher) {}
    Map<AccountId, String> names = new HashMap<>();
    Map<Key, StaffCheckIn> done = new HashMap<>();
    for (StaffCheckIn checkIn : checkIns.findByOnDayBetweenOrderByOnDayDescCheckedInAtAsc(from, to)) {
      done.put(new Key(checkIn.day(), checkIn.teacher()), checkIn);
    }
    List<StaffAttempt> all = attempts.findByOnDayBetweenOrderByOnDayDescAtDesc(from, to);
    Map<Key, List<StaffOutcome>> refused = new HashMap<>();
    for (StaffAttempt attempt : all.reversed()) {   // oldest first
      List<StaffOutcome> list = refused.computeIfAbsent(new Key(attempt.day(), attempt.teacher()),
          k -> new ArrayList<>());
      if (!attempt.outcome().accepted()) {
        list.add(attempt.outcome());
      }
    }
    var keys = new java.util.HashSet<>(done.keySet());
    keys.addAll(refused.keySet());
    List<ReportRow> rows = keys.stream().map(k -> {
      StaffCheckIn checkIn = done.get(k);
      return new ReportRow(k.day(), k.teacher(), nameOf(k.teacher(), names),
          checkIn == null ? null : checkIn.checkedInAt(), checkIn == null ? null : checkIn.distanceMetres(),
          List.copyOf(refused.getOrDefault(k, List.of())));
    }).sorted(Comparator.comparing(ReportRow::day).reversed().thenComparing(ReportRow::teacherName)).toList();
    return new Report(from, to, rows, all.stream().map(a -> row(a, nameOf(a.teacher(), names))).toList());
  }

  private Result refuse(AccountId teacher, LocalDate day, Instant at, StaffOutcome outcome,
      @Nullable Position position, @Nullable Double distance, @Nullable Double similarity,
      @Nullable Double livenessScore, Device device) {
    record(teacher, day, at, outcome, position, distance, similarity, livenessScore, device);
    return new Result(outcome, null, distance);
  }

  private void record(AccountId teacher, LocalDate day, Instant at, StaffOutcome outcome,
      @Nullable Position position, @Nullable Double distance, @Nullable Double similarity,
      @Nullable Double livenessScore, Device device) {
    transactions.executeWithoutResult(tx -> attempts.save(new StaffAttempt(teacher, day, at, outcome, position,
        distance, similarity, livenessScore, device)));
  }

  private AttemptRow row(StaffAttempt attempt, String name) {
    return new AttemptRow(attempt.at(), attempt.day(), attempt.teacher(), name, attempt.outcome(),
        attempt.distanceMetres() == null ? null : attempt.distanceMetres().doubleValue(),
        attempt.accuracyMetres() == null ? null : attempt.accuracyMetres().doubleValue());
  }

  private String nameOf(AccountId teacher, Map<AccountId, String> names) {
    return names.computeIfAbsent(teacher, id -> accounts.find(id).map(AccountView::displayName)
        .orElse(id.toString()));
  }

}
