package sightline.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Fresh teachers, students, courses, sessions and records for tests of reports and webhooks, made through the real
 * courses and attendance services. Every name and code is new, so tests never see each other's rows.
 */
public record ReportsTestData(AccountDirectory accounts, CoursesService courses, AttendanceRecords records) {

  public AccountView account(Role role, String name) {
    return accounts.create(new NewAccount(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", name,
        EnumSet.of(role), null, "a long test password"));
  }

  public CourseView course(AccountView teacher, int warningPercent) {
    String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return courses.create(new CourseSettings(code, "Biology", "", 10, warningPercent), teacher.id());
  }

  public void enrol(CourseView course, AccountView student, AccountView teacher) {
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
  }

  /** A one-hour session starting at {@code startsAt}, without a place. */
  public ClassSessionView session(CourseView course, AccountView teacher, String title, Instant startsAt) {
    return courses.schedule(course.id(), new SessionPlan(title, "", startsAt, startsAt.plus(Duration.ofHours(1)),
        null), null, ZoneOffset.UTC, teacher.id()).getFirst();
  }

  /** A teacher's mark: a new record, or a correction of the existing one. */
  public CheckInView mark(ClassSessionView session, AccountView student, AttendanceStatus status,
      AccountView teacher) {
    return records.mark(session, student.id(), status, "marked in a test", teacher.id());
  }
}
