package sightline.attendance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.Place;
import sightline.identity.AccountId;

class CheckInTests {

  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
  private static final ClassSessionView SESSION = new ClassSessionView(ClassSessionId.random(), CourseId.random(),
      "Week 1", "B 204", START, START.plusSeconds(3600), new Place(28.6, 77.2, 100), null, null);
  private static final AccountId STUDENT = AccountId.random();
  private static final AccountId TEACHER = AccountId.random();
  private static final Evidence EVIDENCE = new Evidence(0.71, 0.93, 28.6, 77.2, 12.0, 3.5, "ab".repeat(32),
      "10.0.0.7", "Mozilla/5.0");

  @Test
  void checkInWithinTheGraceMinutesIsPresent() {
    CheckIn checkIn = CheckIn.checkedIn(SESSION, 10, STUDENT, CheckInMethod.SELF, START.plusSeconds(9 * 60 + 59),
        EVIDENCE);

    assertThat(checkIn.status()).isEqualTo(AttendanceStatus.PRESENT);
    assertThat(checkIn.method()).isEqualTo(CheckInMethod.SELF);
    assertThat(checkIn.session()).isEqualTo(SESSION.id());
    assertThat(checkIn.course()).isEqualTo(SESSION.course());
    assertThat(checkIn.view().evidence().similarity()).isCloseTo(0.71, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void checkInFromTheEndOfTheGraceMinutesOnIsLate() {
    assertThat(CheckIn.checkedIn(SESSION, 10, STUDENT, CheckInMethod.KIOSK, START.plusSeconds(10 * 60), EVIDENCE)
        .status()).isEqualTo(AttendanceStatus.LATE);
    assertThat(CheckIn.checkedIn(SESSION, 0, STUDENT, CheckInMethod.SELF, START, EVIDENCE).status())
        .isEqualTo(AttendanceStatus.LATE);
  }

  @Test
  void checkInBeforeTheStartOfAnEarlyOpenedSessionIsPresent() {
    assertThat(CheckIn.checkedIn(SESSION, 0, STUDENT, CheckInMethod.SELF, START.minusSeconds(300), EVIDENCE)
        .status()).isEqualTo(AttendanceStatus.PRESENT);
  }

  @Test
  void refusesManualOrAutomaticAsACheckInMethod() {
    assertThatThrownBy(() -> CheckIn.checkedIn(SESSION, 5, STUDENT, CheckInMethod.MANUAL, START, EVIDENCE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void correctionKeepsTheEarlierStatusAndTheRemark() {
    CheckIn checkIn = CheckIn.checkedIn(SESSION, 5, STUDENT, CheckInMethod.SELF, START.plusSeconds(900), EVIDENCE);
    Instant later = START.plusSeconds(4000);

    Correction correction = checkIn.correct(AttendanceStatus.EXCUSED, "  bus strike, note from parents ", TEACHER,
        later);

    assertThat(correction.from()).isEqualTo(AttendanceStatus.LATE);
    assertThat(correction.to()).isEqualTo(AttendanceStatus.EXCUSED);
    assertThat(correction.remark()).isEqualTo("bus strike, note from parents");
    assertThat(correction.view().by()).isEqualTo(TEACHER);
    assertThat(correction.view().checkIn()).isEqualTo(checkIn.id());
    assertThat(checkIn.status()).isEqualTo(AttendanceStatus.EXCUSED);
    assertThat(checkIn.remark()).isEqualTo("bus strike, note from parents");
    assertThat(checkIn.view().updatedAt()).isEqualTo(later);
    assertThat(checkIn.recordedAt()).isEqualTo(START.plusSeconds(900));
  }

  @Test
  void correctionRefusesABlankRemark() {
    CheckIn checkIn = CheckIn.absent(SESSION, STUDENT, START.plusSeconds(3600));

    assertThatThrownBy(() -> checkIn.correct(AttendanceStatus.EXCUSED, " \t ", TEACHER, START.plusSeconds(4000)))
        .isInstanceOf(RemarkRequired.class);
    assertThat(checkIn.status()).isEqualTo(AttendanceStatus.ABSENT);
  }

  @Test
  void correctionRefusesTheSameStatus() {
    CheckIn checkIn = CheckIn.absent(SESSION, STUDENT, START.plusSeconds(3600));

    assertThatThrownBy(() -> checkIn.correct(AttendanceStatus.ABSENT, "still absent", TEACHER, START))
        .isInstanceOf(StatusUnchanged.class);
    assertThat(checkIn.remark()).isNull();
  }

  @Test
  void manualMarkNeedsARemarkAndIsMarkedManual() {
    assertThatThrownBy(() -> CheckIn.marked(SESSION, STUDENT, AttendanceStatus.PRESENT, "", START))
        .isInstanceOf(RemarkRequired.class);

    CheckIn marked = CheckIn.marked(SESSION, STUDENT, AttendanceStatus.PRESENT, "phone broken, seen in class", START);

    assertThat(marked.method()).isEqualTo(CheckInMethod.MANUAL);
    assertThat(marked.status()).isEqualTo(AttendanceStatus.PRESENT);
    assertThat(marked.similarity()).isNull();
  }

  @Test
  void longRemarksAreCutToTheColumn() {
    CheckIn marked = CheckIn.marked(SESSION, STUDENT, AttendanceStatus.EXCUSED, "x".repeat(900), START);

    assertThat(marked.remark()).hasSize(CheckIn.MAX_REMARK);
  }

  @Test
  void unmarkedStudentsAreAbsentAutomatically() {
    CheckIn absent = CheckIn.absent(SESSION, STUDENT, START.plusSeconds(3600));

    assertThat(absent.status()).isEqualTo(AttendanceStatus.ABSENT);
    assertThat(absent.method()).isEqualTo(CheckInMethod.AUTOMATIC);
  }

  @Test
  void statusPointsDefaultToTheSchoolsAndRefuseOutOfRange() {
    StatusPointsView points = StatusPointsView.defaults(SESSION.course());

    assertThat(points.pointsFor(AttendanceStatus.PRESENT)).isEqualTo(2);
    assertThat(points.pointsFor(AttendanceStatus.LATE)).isEqualTo(1);
    assertThat(points.pointsFor(AttendanceStatus.EXCUSED)).isEqualTo(1);
    assertThat(points.pointsFor(AttendanceStatus.ABSENT)).isZero();
    assertThat(points.maximum()).isEqualTo(2);
    assertThatThrownBy(() -> new StatusPointsView(SESSION.course(), -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
