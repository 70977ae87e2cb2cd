package sightline.biometrics.enrolment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Who may call the biometrics API, added to the application's one filter chain as {@code identity.tokens} does:
 * another person's enrolment is the administrators' ({@code /api/v1/biometrics/accounts/**}); identifying a face
 * among everyone is for administrators and teachers. Everything else under {@code /api/v1/biometrics} acts on the
 * caller's own face and needs only a signed-in caller (bearer token or session with CSRF). Pages under
 * {@code /admin/**} are already ADMIN-only.
 */
@Configuration(proxyBeanMethods = false)
class BiometricsSecurity {

  @Bean
  Customizer<HttpSecurity> biometricsAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/api/v1/biometrics/accounts/**").hasRole("ADMIN")
        .requestMatchers("/api/v1/biometrics/identify").hasAnyRole("ADMIN", "TEACHER"));
  }
}
