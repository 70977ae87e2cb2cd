package sightline.attendance.signals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import sightline.identity.Role;

/**
 * Fraud signals are for teachers and administrators: a student is refused before any session is looked up. Which
 * teacher may see which session is {@link FraudSignals}' check.
 */
@Configuration(proxyBeanMethods = false)
class SignalsSecurity {

  @Bean
  Customizer<HttpSecurity> signalsAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/attendance/sessions/*/signals", "/api/v1/attendance/sessions/*/signals")
        .hasAnyRole(Role.TEACHER.name(), Role.ADMIN.name()));
  }
}
