package sightline.attendance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.Evidence;
import sightline.attendance.record.StatusPointsView;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

class CourseReportTests {

  private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
  private static final CourseId COURSE_ID = CourseId.random();
  private static final CourseView COURSE = new CourseView(COURSE_ID, "BIO-101", "Biology", "", AccountId.random(),
      Set.of(), "JOIN1234", 10, 75);
  private static final StatusPointsView DEFAULTS = StatusPointsView.defaults(COURSE_ID);
  private static final AccountId ANA = AccountId.random();
  private static final AccountId BEN = AccountId.random();
  private static final AccountId CHE = AccountId.random();
  private static final Map<AccountId, String> NAMES = Map.of(ANA, "Ana", BEN, "Ben", CHE, "Che");

  private final List<ClassSessionView> sessions = List.of(session(0), session(7), session(14), session(21));

  @Test
  void percentageIsPointsOverTheMostTheCountedSessionsCouldEarn() {
    // Ana: P, L, A → 2 + 1 + 0 of 3 × 2 = 50 %. Ben: P, P, E → 5 of 6 ≈ 83.3 %.
    var marks = List.of(mark(0, ANA, AttendanceStatus.PRESENT), mark(1, ANA, AttendanceStatus.LATE),
        mark(2, ANA, AttendanceStatus.ABSENT), mark(0, BEN, AttendanceStatus.PRESENT),
        mark(1, BEN, AttendanceStatus.PRESENT), mark(2, BEN, AttendanceStatus.EXCUSED));

    var report = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(ANA, BEN), marks, NAMES, day(22));

    var ana = report.studentRow(ANA);
    assertThat(ana.sessionsCounted()).isEqualTo(3);
    assertThat(ana.points()).isEqualTo(3);
    assertThat(ana.maxPoints()).isEqualTo(6);
    assertThat(ana.percent()).isCloseTo(50.0, offset(1e-9));
    assertThat(ana.below()).isTrue();
    assertThat(ana.count(AttendanceStatus.LATE)).isEqualTo(1);
    var ben = report.studentRow(BEN);
    assertThat(ben.percent()).isCloseTo(500.0 / 6, offset(1e-9));
    assertThat(ben.below()).isFalse();
    assertThat(report.students()).extracting(CourseReport.StudentSummary::name).containsExactly("Ana", "Ben");
  }

  @Test
  void theCoursesOwnPointsChangeThePercentage() {
    var marks = List.of(mark(0, ANA, AttendanceStatus.PRESENT), mark(1, ANA, AttendanceStatus.LATE));
    var points = new StatusPointsView(COURSE_ID, 4, 3, 2, 0);

    var ana = CourseReport.of(COURSE, points, sessions, Set.of(ANA), marks, NAMES, day(22)).studentRow(ANA);

    assertThat(ana.points()).isEqualTo(7);
    assertThat(ana.maxPoints()).isEqualTo(8);
    assertThat(ana.percent()).isCloseTo(87.5, offset(1e-9));
  }

  @Test
  void aSessionCountsForAStudentOnceTheyHaveARecordInIt() {
    // Session 2 is under way: Ana checked in, Ben not yet. Ben's percentage is over session 1 alone.
    var marks = List.of(mark(0, BEN, AttendanceStatus.PRESENT), mark(0, ANA, AttendanceStatus.ABSENT),
        mark(1, ANA, AttendanceStatus.PRESENT));

    var report = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(ANA, BEN), marks, NAMES,
        day(7).plus(Duration.ofMinutes(20)));

    assertThat(report.studentRow(BEN).sessionsCounted()).isEqualTo(1);
    assertThat(report.studentRow(BEN).percent()).isCloseTo(100.0, offset(1e-9));
    assertThat(report.studentRow(ANA).percent()).isCloseTo(50.0, offset(1e-9));
    assertThat(report.sessions()).hasSize(2);
    assertThat(report.sessions().get(1).count(AttendanceStatus.PRESENT)).isEqualTo(1);
    assertThat(report.from()).isEqualTo(day(0));
    assertThat(report.to()).isEqualTo(day(7).plus(Duration.ofHours(1)));
  }

  @Test
  void aStudentWithoutRecordsHasNoPercentageAndIsNotBelow() {
    var report = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(CHE), List.of(), NAMES, day(22));

    var che = report.studentRow(CHE);
    assertThat(che.percent()).isNull();
    assertThat(che.below()).isFalse();
    assertThat(report.from()).isNull();
  }

  @Test
  void aStudentWhoLeftTheCourseKeepsTheirRow() {
    var report = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(ANA),
        List.of(mark(0, CHE, AttendanceStatus.PRESENT)), NAMES, day(22));

    assertThat(report.students()).extracting(CourseReport.StudentSummary::name).containsExactly("Ana", "Che");
  }

  @Test
  void aCourseWithoutAWarningPercentageWarnsNobody() {
    var noWarnings = new CourseView(COURSE_ID, "BIO-101", "Biology", "", AccountId.random(), Set.of(), "J", 10, 0);

    var ana = CourseReport.of(noWarnings, DEFAULTS, sessions, Set.of(ANA),
        List.of(mark(0, ANA, AttendanceStatus.ABSENT)), NAMES, day(22)).studentRow(ANA);

    assertThat(ana.percent()).isZero();
    assertThat(ana.below()).isFalse();
  }

  @Test
  void exactlyAtTheWarningPercentageIsNotBelow() {
    // P, P, P, A = 6 of 8 = 75 %.
    var marks = List.of(mark(0, ANA, AttendanceStatus.PRESENT), mark(1, ANA, AttendanceStatus.PRESENT),
        mark(2, ANA, AttendanceStatus.PRESENT), mark(3, ANA, AttendanceStatus.ABSENT));

    var ana = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(ANA), marks, NAMES, day(22)).studentRow(ANA);

    assertThat(ana.percent()).isCloseTo(75.0, offset(1e-9));
    assertThat(ana.below()).isFalse();
  }

  @Test
  void chartsStackEachStatusAndScaleToTheFullestSession() {
    var marks = List.of(mark(0, ANA, AttendanceStatus.PRESENT), mark(0, BEN, AttendanceStatus.LATE),
        mark(1, ANA, AttendanceStatus.ABSENT));
    var report = CourseReport.of(COURSE, DEFAULTS, sessions, Set.of(ANA, BEN), marks, NAMES, day(8));
    var names = List.of("Present", "Late", "Excused", "Absent");

    var perSession = ReportCharts.perSession(report, names);
    var perStudent = ReportCharts.perStudent(report, names);

    assertThat(perSession.segments()).hasSize(3);
    double plot = perSession.height() - 20;
    // Session 1 holds two records and fills the plot; session 2's one record is half as tall.
    assertThat(perSession.segments().get(0).height() + perSession.segments().get(1).height()).isCloseTo(plot,
        offset(0.2));
    assertThat(perSession.segments().get(2).height()).isCloseTo(plot / 2, offset(0.2));
    assertThat(perSession.segments().get(2).fill()).isEqualTo(ReportCharts.fill(AttendanceStatus.ABSENT));
    assertThat(perStudent.segments()).hasSize(3);
    assertThat(perStudent.labels()).extracting(ReportCharts.Label::text).containsExactly("Ana", "Ben");
  }

  private ClassSessionView session(int day) {
    return new ClassSessionView(ClassSessionId.random(), COURSE_ID, "Week " + (day / 7 + 1), "", day(day),
        day(day).plus(Duration.ofHours(1)), null, null, null);
  }

  private CheckInView mark(int session, AccountId student, AttendanceStatus status) {
    ClassSessionView s = sessions.get(session);
    return new CheckInView(CheckInId.random(), s.id(), COURSE_ID, student, status, CheckInMethod.MANUAL,
        s.startsAt().plusSeconds(60), Evidence.none(), "by hand", s.startsAt().plusSeconds(60));
  }

  private static Instant day(int day) {
    return MONDAY.plus(Duration.ofDays(day));
  }
}
