package sightline.attendance.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sightline.attendance.AttendanceFixtures;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.biometrics.liveness.LivenessTestApplication;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.Role;

/**
 * Races on the attendance records against the real database: the unique record per student and session decides
 * between simultaneous check-ins, and the finalised-session claim between simultaneous absent markings.
 */
@LivenessTestApplication
class ConcurrentCheckInIntegrationTests {

  private static final int CALLERS = 50;

  @Autowired AttendanceRecords records;
  @Autowired AccountDirectory directory;
  @Autowired CoursesService courses;
  @Autowired JdbcClient jdbc;

  @Test
  void fiftySimultaneousCheckInsOfOneStudentGiveOneRecordAndFortyNineAlreadyCheckedIn() throws Exception {
    var fixtures = new AttendanceFixtures(directory, courses);
    AccountView teacher = fixtures.account(Role.TEACHER, "Tara Teacher");
    AccountView student = fixtures.account(Role.STUDENT, "Sam Student");
    CourseView course = fixtures.course(teacher);
    fixtures.enrol(course, student, teacher);
    ClassSessionView session = fixtures.openSession(course, teacher, AttendanceFixtures.CLASSROOM);
    var evidence = new Evidence(0.8, 0.9, 28.6, 77.2, 10.0, 20.0, "ab".repeat(32), "127.0.0.1", "test");

    List<CheckInResult> results = race(CALLERS, () -> records.recordCheckIn(session, course.graceMinutes(),
        student.id(), CheckInMethod.SELF, evidence));

    assertThat(results.stream().filter(CheckInResult.Recorded.class::isInstance)).hasSize(1);
    assertThat(results.stream().filter(CheckInResult.AlreadyCheckedIn.class::isInstance)).hasSize(CALLERS - 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance.check_in WHERE session_id = ? AND student_id = ?")
        .params(session.id().value(), student.id().value()).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT outcome, COUNT(*) AS n FROM attendance.attempt WHERE session_id = ? GROUP BY outcome")
        .param(session.id().value()).query((rs, row) -> rs.getString("outcome") + "=" + rs.getLong("n")).list())
        .containsExactlyInAnyOrder("ACCEPTED=1", "ALREADY_CHECKED_IN=" + (CALLERS - 1));
  }

  @Test
  void aClosedSessionMarksItsUnmarkedStudentsAbsentOnceThoughSeveralServersTryAtOnce() throws Exception {
    var fixtures = new AttendanceFixtures(directory, courses);
    AccountView teacher = fixtures.account(Role.TEACHER, "Tara Teacher");
    CourseView course = fixtures.course(teacher);
    List<AccountView> students = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      students.add(fixtures.account(Role.STUDENT, "Student " + i));
      fixtures.enrol(course, students.get(i), teacher);
    }
    ClassSessionView session = fixtures.openSession(course, teacher, AttendanceFixtures.CLASSROOM);
    records.recordCheckIn(session, 10, students.get(0).id(), CheckInMethod.SELF, Evidence.none());
    records.mark(session, students.get(1).id(), AttendanceStatus.EXCUSED, "doctor's note", teacher.id());
    courses.close(session.id(), teacher.id());

    List<Integer> marked = race(8, () -> records.markUnmarkedAbsent(session.id()));

    assertThat(marked.stream().mapToInt(Integer::intValue).sum()).as("the close's listener may have won the claim")
        .isIn(0, 2);
    assertThat(records.isFinalised(session.id())).isTrue();
    assertThat(records.checkInsOfSession(session.id()).stream().map(c -> c.status() + "/" + c.method()).toList())
        .containsExactlyInAnyOrder("PRESENT/SELF", "EXCUSED/MANUAL", "ABSENT/AUTOMATIC", "ABSENT/AUTOMATIC");
    assertThat(records.markUnmarkedAbsent(session.id())).isZero();
  }

  /** Runs {@code work} on {@code callers} threads released at the same instant; answers their results. */
  private static <T> List<T> race(int callers, Callable<T> work) throws Exception {
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(callers)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return work.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
