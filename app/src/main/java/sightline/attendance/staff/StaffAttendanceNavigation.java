package sightline.attendance.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sightline.identity.Role;
import sightline.system.Audience;
import sightline.system.HomeCard;
import sightline.system.MenuGroup;
import sightline.system.MenuItem;
import sightline.identity.SignedInUser;

/** Staff check-in in teachers' menus and on their home page; the report in the administration menu. */
@Configuration(proxyBeanMethods = false)
class StaffAttendanceNavigation {

  @Bean
  MenuItem staffCheckInMenuItem() {
    return new MenuItem(MenuGroup.CLASSES, "staff.nav", "/attendance/staff",
        Audience.anyOf(Role.TEACHER.authority()), 80);
  }

  @Bean
  MenuItem staffReportMenuItem() {
    return new MenuItem(MenuGroup.ADMINISTRATION, "staff.nav.report", "/admin/attendance/staff",
        Audience.anyOf(Role.ADMIN.authority()), 80);
  }

  @Bean
  HomeCard staffCheckInHomeCard(StaffAttendance staff) {
    return new HomeCard(MenuGroup.CLASSES, "attendance/staff-home-cards", "staffCheckIn",
        Audience.anyOf(Role.TEACHER.authority()), 80,
        who -> who != null && who.getPrincipal() instanceof SignedInUser user ? staff.today(user.id()) : null);
  }
}
