package sightline.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Place;
import sightline.courses.catalogue.CourseSettings;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.SessionPlan;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;

/**
 * Test data for attendance: accounts, a course with fresh codes, sessions open now (or later) at a place, enrolments;
 * every call makes new rows with fresh ids, so tests never see each other's data.
 */
public final class AttendanceFixtures {

  public static final String PASSWORD = "a long attendance test password";

  /** A classroom: India Gate lawns, 100 m. */
  public static final Place CLASSROOM = new Place(28.6129, 77.2295, 100);

  private final AccountDirectory directory;
  private final CoursesService courses;

  public AttendanceFixtures(AccountDirectory directory, CoursesService courses) {
    this.directory = directory;
    this.courses = courses;
  }

  public AccountView account(Role role, String name) {
    return directory.create(new NewAccount(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", name,
        EnumSet.of(role), null, PASSWORD));
  }

  public CourseView course(AccountView teacher) {
    String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return courses.create(new CourseSettings(code, "Attendance test", "", 10, 75), teacher.id());
  }

  public void enrol(CourseView course, AccountView student, AccountView teacher) {
    courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
  }

  /** A session that started 5 minutes ago and ends in 55, at {@code place} (null: online). */
  public ClassSessionView openSession(CourseView course, AccountView teacher, @Nullable Place place) {
    Instant start = Instant.now().minus(Duration.ofMinutes(5));
    return session(course, teacher, place, start, start.plus(Duration.ofHours(1)));
  }

  /** A session tomorrow. */
  public ClassSessionView laterSession(CourseView course, AccountView teacher, @Nullable Place place) {
    Instant start = Instant.now().plus(Duration.ofDays(1));
    return session(course, teacher, place, start, start.plus(Duration.ofHours(1)));
  }

  public ClassSessionView session(CourseView course, AccountView teacher, @Nullable Place place, Instant start,
      Instant end) {
    return courses.schedule(course.id(), new SessionPlan("Lecture", "B 204", start, end, place), null, ZoneOffset.UTC,
        teacher.id()).getFirst();
  }

  /** The position {@code metres} due north of the place's centre (a degree of latitude is about 110.6 km here). */
  public static double[] north(Place place, double metres) {
    return new double[] {place.latitude() + metres / 110_700.0, place.longitude()};
  }
}
