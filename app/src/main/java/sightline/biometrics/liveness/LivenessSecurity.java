package sightline.biometrics.liveness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Opens the liveness session API to anonymous callers, because face sign-in runs a session before anyone is signed
 * in; {@link LivenessApiController} lets them start SIGN_IN sessions only. CSRF stays on (browsers send the header
 * from the layout's meta tags; bearer-token callers are exempt as everywhere on the API). The {@code /liveness} page
 * keeps the default rule: signed-in people only.
 */
@Configuration(proxyBeanMethods = false)
class LivenessSecurity {

  @Bean
  Customizer<HttpSecurity> livenessApiAccess() {
    return http -> http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/api/v1/liveness/sessions", "/api/v1/liveness/sessions/**").permitAll());
  }
}
