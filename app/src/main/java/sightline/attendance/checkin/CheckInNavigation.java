package sightline.attendance.checkin;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import sightline.courses.Courses;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;

/** Attendance in the menu for students and teachers, and a "Check in" card with the sessions open now. */
@Configuration(proxyBeanMethods = false)
class CheckInNavigation {

  /** What the student's card shows: how many of their sessions are open now. */
  record OpenNow(int sessions) {}

  @Bean
  MenuItem attendanceMenuItem() {
    return new MenuItem(MenuGroup.CLASSES, "checkin.nav", "/attendance",
        Audience.anyOf(Role.STUDENT.authority(), Role.TEACHER.authority(), Role.ADMIN.authority()), 20);
  }

  @Bean
  HomeCard checkInHomeCard(Courses courses, Clock clock) {
    return new HomeCard(MenuGroup.CLASSES, "attendance/home-cards", "check-in",
        Audience.anyOf(Role.STUDENT.authority()), 10, (@Nullable Authentication who) ->
        who != null && who.getPrincipal() instanceof SignedInUser user
            ? new OpenNow(courses.openSessionsFor(user.id(), clock.instant()).size()) : null);
  }

  @Bean
  HomeCard rosterHomeCard() {
    return new HomeCard(MenuGroup.CLASSES, "attendance/home-cards", "roster",
        Audience.anyOf(Role.TEACHER.authority()), 20, (@Nullable Authentication who) -> Boolean.TRUE);
  }
}
