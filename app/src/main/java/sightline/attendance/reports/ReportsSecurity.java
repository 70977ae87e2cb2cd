package sightline.attendance.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import sightline.identity.Role;

/**
 * Reports and their exports are for teachers and administrators: a student is refused before
 * any course is looked up. Which teacher may see which course is the reports' own check (the course's teachers).
 * A student's own percentages are under {@code /api/v1/attendance/my/}, open to anyone signed in.
 */
@Configuration(proxyBeanMethods = false)
class ReportsSecurity {

  @Bean
  Customizer<HttpSecurity> reportsAccess() {
    String[] staff = {Role.TEACHER.name(), Role.ADMIN.name()};
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/attendance/courses/*/report", "/attendance/courses/*/report.*",
            "/attendance/courses/*/report/**", "/attendance/sessions/*/report", "/attendance/sessions/*/report.*")
        .hasAnyRole(staff)
        .requestMatchers("/api/v1/attendance/courses/*/report", "/api/v1/attendance/courses/*/report.*",
            "/api/v1/attendance/courses/*/points", "/api/v1/attendance/sessions/*/report",
            "/api/v1/attendance/sessions/*/report.*").hasAnyRole(staff));
  }
}
