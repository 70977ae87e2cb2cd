package sightline.engagement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
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

/** A teacher's course with students and one class session open now, made through the real services. */
public record EngagementFixtures(AccountView teacher, CourseView course, ClassSessionView session,
    List<AccountView> students) {

  public static final String PASSWORD = "a long engagement password";

  /** A course of {@code students} students with an online session open from a minute ago for two hours. */
  public static EngagementFixtures openOnlineClass(AccountDirectory directory, CoursesService courses, int students,
      String prefix) {
    return openClass(directory, courses, students, prefix, null);
  }

  public static EngagementFixtures openClass(AccountDirectory directory, CoursesService courses, int students,
      String prefix, @Nullable Place place) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    AccountView teacher = account(directory, prefix + "-teacher-" + tag, "Teacher " + prefix, Role.TEACHER);
    CourseView course = courses.create(new CourseSettings("ENG-" + tag, "Engagement " + prefix, "", 10, 0),
        teacher.id());
    List<AccountView> enrolled = new java.util.ArrayList<>();
    for (int i = 0; i < students; i++) {
      AccountView student = account(directory, prefix + "-student-" + i + "-" + tag, prefix + " Student " + i,
          Role.STUDENT);
      courses.enrol(course.id(), student.id(), EnrolmentSource.TEACHER, teacher.id());
      enrolled.add(student);
    }
    Instant now = Instant.now();
    ClassSessionView session = courses.schedule(course.id(), new SessionPlan("Live " + prefix, "",
        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2)), place), null, ZoneOffset.UTC, teacher.id())
        .getFirst();
    return new EngagementFixtures(teacher, courses.get(course.id()), session, List.copyOf(enrolled));
  }

  public static AccountView account(AccountDirectory directory, String local, String name, Role role) {
    return directory.create(new NewAccount(local + "@example.org", name, EnumSet.of(role), null, PASSWORD));
  }
}
