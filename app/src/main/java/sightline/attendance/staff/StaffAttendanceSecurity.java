package sightline.attendance.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Staff check-in is for teachers (and administrators, who are staff too); the place and the report are for
 * administrators ({@code /admin/**} already is).
 */
@Configuration(proxyBeanMethods = false)
class StaffAttendanceSecurity {

  @Bean
  Customizer<HttpSecurity> staffAttendanceAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/api/v1/attendance/staff/place", "/api/v1/attendance/staff/report").hasRole("ADMIN")
        .requestMatchers("/attendance/staff", "/api/v1/attendance/staff/**").hasAnyRole("TEACHER", "ADMIN"));
  }
}
