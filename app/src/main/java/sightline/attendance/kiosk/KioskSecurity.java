package sightline.attendance.kiosk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The kiosk is the teachers' (and administrators'): the page and its API; whether the caller teaches the session's
 * course is {@link ClassroomKiosk}'s check.
 */
@Configuration(proxyBeanMethods = false)
class KioskSecurity {

  @Bean
  Customizer<HttpSecurity> kioskAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/attendance/sessions/*/kiosk", "/api/v1/attendance/sessions/*/kiosk",
            "/api/v1/attendance/sessions/*/kiosk/**").hasAnyRole("TEACHER", "ADMIN"));
  }
}
