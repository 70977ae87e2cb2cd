package sightline.attendance.reports;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;

/** A teacher's home card linking the report of each course they teach (the course pages link them too). */
@Configuration(proxyBeanMethods = false)
class ReportsNavigation {

  /** The most courses the card lists; the courses page has the rest. */
  private static final int LISTED = 8;

  @Bean
  HomeCard attendanceReportsHomeCard(Courses courses) {
    return new HomeCard(MenuGroup.CLASSES, "attendance/report-cards", "reports",
        Audience.anyOf(Role.TEACHER.authority()), 40, who -> {
          if (who == null || !(who.getPrincipal() instanceof SignedInUser user)) {
            return null;
          }
          List<CourseView> taught = courses.coursesTaughtBy(user.id());
          return taught.isEmpty() ? null : taught.subList(0, Math.min(LISTED, taught.size()));
        });
  }
}
