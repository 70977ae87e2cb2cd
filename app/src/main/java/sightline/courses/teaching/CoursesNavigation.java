package sightline.courses.teaching;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** "My courses" in the menu and on the home page, for teachers and for students (each their own view). */
@Configuration(proxyBeanMethods = false)
class CoursesNavigation {

  /** What a home card shows: one's courses, and for students the sessions open now. */
  public record HomeSummary(List<CourseView> courses, List<ClassSessionView> openNow) {}

  @Bean
  MenuItem coursesMenuItem() {
    return new MenuItem(MenuGroup.CLASSES, "nav.courses", "/courses",
        Audience.anyOf(Role.TEACHER.authority(), Role.STUDENT.authority(), Role.ADMIN.authority()), 10);
  }

  @Bean
  HomeCard teacherCoursesHomeCard(CoursesService courses) {
    return new HomeCard(MenuGroup.CLASSES, "courses/home-cards", "teaching", Audience.anyOf(Role.TEACHER.authority()),
        10, (@Nullable Authentication who) -> who != null && who.getPrincipal() instanceof SignedInUser user
            ? new HomeSummary(courses.coursesTaughtBy(user.id()), List.of()) : null);
  }

  @Bean
  HomeCard studentCoursesHomeCard(CoursesService courses, Clock clock) {
    return new HomeCard(MenuGroup.CLASSES, "courses/home-cards", "attending", Audience.anyOf(Role.STUDENT.authority()),
        11, (@Nullable Authentication who) -> who != null && who.getPrincipal() instanceof SignedInUser user
            ? new HomeSummary(courses.coursesOf(user.id()), courses.openSessionsFor(user.id(), clock.instant()))
            : null);
  }
}
