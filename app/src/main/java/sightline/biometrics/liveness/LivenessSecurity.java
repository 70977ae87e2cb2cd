package sightline.biometrics.liveness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Opens the liveness session API to anonymous callers, because face sign-in runs a session before anyone is signed
 * in; {@link LivenessApiController} lets them start SIGN_IN sessions only. CSRF stays on for starting a session
 * (browsers send the header from the layout's meta tags; bearer-token callers are exempt as everywhere on the API).
 * Frames and reads that carry the session's nonce in {@code X-Liveness-Nonce} are exempt: a cross-site page cannot
 * send a custom header without a CORS preflight, which this server never grants, and the nonce itself proves the
 * caller, so API clients of face sign-in need no CSRF token. The {@code /liveness} page keeps the default rule:
 * signed-in people only.
 */
@Configuration(proxyBeanMethods = false)
class LivenessSecurity {

  @Bean
  Customizer<HttpSecurity> livenessApiAccess() {
    var sessionPaths = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/liveness/sessions/**");
    return http -> http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/v1/liveness/sessions", "/api/v1/liveness/sessions/**").permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(request ->
            request.getHeader(LivenessApiController.NONCE_HEADER) != null && sessionPaths.matches(request)));
  }
}
