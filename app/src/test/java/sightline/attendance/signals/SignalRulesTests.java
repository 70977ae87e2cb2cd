package sightline.attendance.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.Evidence;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

class SignalRulesTests {

  private static final double THRESHOLD = 0.34;
  private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");
  private static final ClassSessionId SESSION = ClassSessionId.random();
  private static final CourseId COURSE = CourseId.random();
  private static final String DEVICE_A = "a1".repeat(32);
  private static final String DEVICE_B = "b2".repeat(32);
  private final AccountId ana = AccountId.random();
  private final AccountId ben = AccountId.random();
  private final AccountId che = AccountId.random();

  @Test
  void oneDeviceUsedByTwoStudentsIsFlaggedWithTheDeviceAndBothStudents() {
    var checkIns = List.of(checkIn(ana, 0.8, DEVICE_A, "10.0.0.1", 0), checkIn(ben, 0.8, DEVICE_A, "10.0.0.2", 60),
        checkIn(che, 0.8, DEVICE_B, "10.0.0.3", 120));

    var signals = SignalRules.evaluate(List.of(), checkIns, THRESHOLD);

    assertThat(signals).hasSize(1);
    var shared = signals.getFirst();
    assertThat(shared.kind()).isEqualTo(FraudSignal.Kind.SHARED_DEVICE);
    assertThat(shared.students()).containsExactly(ana, ben);
    assertThat(shared.detail()).isEqualTo(DEVICE_A.substring(0, 12));
    assertThat(shared.count()).isEqualTo(2);
    assertThat(shared.firstAt()).isEqualTo(T);
    assertThat(shared.lastAt()).isEqualTo(T.plusSeconds(60));
  }

  @Test
  void aRefusedAttemptOnAnotherStudentsDeviceCountsToo() {
    var signals = SignalRules.evaluate(List.of(attempt(ben, AttemptOutcome.FACE_NOT_MATCHED, DEVICE_A, "10.0.0.9",
        null, 30)), List.of(checkIn(ana, 0.8, DEVICE_A, "10.0.0.1", 0)), THRESHOLD);

    assertThat(signals).extracting(FraudSignal::kind).containsExactly(FraudSignal.Kind.SHARED_DEVICE);
  }

  @Test
  void oneStudentOnOneDeviceManyTimesIsNoSignal() {
    var attempts = List.of(attempt(ana, AttemptOutcome.ALREADY_CHECKED_IN, DEVICE_A, "10.0.0.1", null, 10),
        attempt(ana, AttemptOutcome.ALREADY_CHECKED_IN, DEVICE_A, "10.0.0.1", null, 20));

    assertThat(SignalRules.evaluate(attempts, List.of(checkIn(ana, 0.8, DEVICE_A, "10.0.0.1", 0)), THRESHOLD))
        .isEmpty();
  }

  @Test
  void severalStudentsFromOneAddressAreFlagged() {
    var checkIns = List.of(checkIn(ana, 0.8, DEVICE_A, "192.0.2.7", 0), checkIn(ben, 0.8, DEVICE_B, "192.0.2.7", 5),
        checkIn(che, 0.8, null, "192.0.2.7", 9));

    var signals = SignalRules.evaluate(List.of(), checkIns, THRESHOLD);

    assertThat(signals).singleElement().satisfies(signal -> {
      assertThat(signal.kind()).isEqualTo(FraudSignal.Kind.SHARED_ADDRESS);
      assertThat(signal.detail()).isEqualTo("192.0.2.7");
      assertThat(signal.students()).containsExactly(ana, ben, che);
    });
  }

  @Test
  void anAcceptedSimilarityWithinTheMarginAboveTheThresholdIsFlagged() {
    var checkIns = List.of(checkIn(ana, THRESHOLD + 0.049, DEVICE_A, "10.0.0.1", 0),
        checkIn(ben, THRESHOLD + 0.05, DEVICE_B, "10.0.0.2", 0), checkIn(che, THRESHOLD, null, null, 0));

    var signals = SignalRules.evaluate(List.of(), checkIns, THRESHOLD);

    assertThat(signals).extracting(FraudSignal::kind).containsOnly(FraudSignal.Kind.NEAR_THRESHOLD);
    assertThat(signals).flatExtracting(FraudSignal::students).containsExactly(ana, che);
    assertThat(signals.getFirst().value()).isEqualTo(THRESHOLD + 0.049);
    assertThat(signals.getFirst().detail()).isEqualTo("0.34");
  }

  @Test
  void aManualMarkHasNoSimilarityToFlag() {
    var manual = new CheckInView(CheckInId.random(), SESSION, COURSE, ana, AttendanceStatus.PRESENT,
        CheckInMethod.MANUAL, T, Evidence.none(), "by hand", T);

    assertThat(SignalRules.evaluate(List.of(), List.of(manual), THRESHOLD)).isEmpty();
  }

  @Test
  void threeRefusalsOfOneStudentAreFlaggedWithTheirReasonsButTwoAreNot() {
    var attempts = new ArrayList<>(List.of(attempt(ana, AttemptOutcome.FACE_NOT_MATCHED, null, null, null, 0),
        attempt(ana, AttemptOutcome.LIVENESS_FAILED, null, null, null, 30),
        attempt(ana, AttemptOutcome.FACE_NOT_MATCHED, null, null, null, 60),
        attempt(ben, AttemptOutcome.FACE_NOT_MATCHED, null, null, null, 0),
        attempt(ben, AttemptOutcome.FACE_NOT_MATCHED, null, null, null, 10),
        attempt(ben, AttemptOutcome.ALREADY_CHECKED_IN, null, null, null, 20)));

    var signals = SignalRules.evaluate(attempts, List.of(), THRESHOLD);

    assertThat(signals).singleElement().satisfies(signal -> {
      assertThat(signal.kind()).isEqualTo(FraudSignal.Kind.REPEATED_FAILURES);
      assertThat(signal.students()).containsExactly(ana);
      assertThat(signal.count()).isEqualTo(3);
      assertThat(signal.detail()).isEqualTo("FACE_NOT_MATCHED,LIVENESS_FAILED");
      assertThat(signal.lastAt()).isEqualTo(T.plusSeconds(60));
    });
  }

  @Test
  void attemptsFromOutsideThePlaceAreFlaggedWithTheNearestDistance() {
    var attempts = List.of(attempt(ana, AttemptOutcome.OUTSIDE_PLACE, null, null, 2400.0, 0),
        attempt(ana, AttemptOutcome.OUTSIDE_PLACE, null, null, 180.0, 30));

    var signals = SignalRules.evaluate(attempts, List.of(), THRESHOLD);

    assertThat(signals).singleElement().satisfies(signal -> {
      assertThat(signal.kind()).isEqualTo(FraudSignal.Kind.OUTSIDE_PLACE);
      assertThat(signal.count()).isEqualTo(2);
      assertThat(signal.value()).isEqualTo(180.0);
    });
  }

  @Test
  void anUnknownKioskFaceConcernsNoStudent() {
    var attempts = List.of(attempt(null, AttemptOutcome.UNKNOWN_FACE, DEVICE_A, "10.0.0.1", null, 0),
        attempt(null, AttemptOutcome.UNKNOWN_FACE, DEVICE_A, "10.0.0.1", null, 5),
        attempt(null, AttemptOutcome.UNKNOWN_FACE, DEVICE_A, "10.0.0.1", null, 9));

    assertThat(SignalRules.evaluate(attempts, List.of(checkIn(ana, 0.8, DEVICE_A, "10.0.0.1", 0)), THRESHOLD))
        .isEmpty();
  }

  private static CheckInView checkIn(AccountId student, double similarity, @Nullable String device,
      @Nullable String ip, int seconds) {
    return new CheckInView(CheckInId.random(), SESSION, COURSE, student, AttendanceStatus.PRESENT,
        CheckInMethod.SELF, T.plusSeconds(seconds), evidence(similarity, device, ip, 20.0), null,
        T.plusSeconds(seconds));
  }

  private static AttemptView attempt(@Nullable AccountId student, AttemptOutcome outcome, @Nullable String device,
      @Nullable String ip, @Nullable Double distance, int seconds) {
    CheckInMethod method = student == null ? CheckInMethod.KIOSK : CheckInMethod.SELF;
    return new AttemptView(UUID.randomUUID(), SESSION, COURSE, student, method, outcome, T.plusSeconds(seconds),
        evidence(null, device, ip, distance));
  }

  private static Evidence evidence(@Nullable Double similarity, @Nullable String device, @Nullable String ip,
      @Nullable Double distance) {
    return new Evidence(similarity, 0.9, 28.6, 77.2, 10.0, distance, device, ip, "Mozilla/5.0");
  }
}
