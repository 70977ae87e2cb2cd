package sightline.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's one security filter chain and its generic rules. Public: the home page, the camera check, the
 * problem pages, static assets, health, the API description and the model status. Everything else needs a signed-in
 * user; {@code /admin/**} needs ADMIN. The API answers 401/403 as RFC 9457 problems. CSRF protection is on; the
 * headers carry a strict Content Security Policy. Modules add their own rules, sign-in included, with a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies before this method runs: identity adds form
 * login, sessions and bearer tokens that way ({@code identity.signin.SignInSecurity},
 * {@code identity.tokens.ApiTokenSecurity}), so system knows nothing of identity.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
    var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/camera", "/error", "/problems/**", "/favicon.ico").permitAll()
            .requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
            .requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/api/v1/models").permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor((request, response, e) ->
                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in first.", request.getRequestURI()), api)
            .defaultAccessDeniedHandlerFor((request, response, e) -> writeProblem(json, response,
                HttpStatus.FORBIDDEN, "You may not do this.", request.getRequestURI()), api))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; "
                    + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
            .permissionsPolicyHeader(policy -> policy.policy("camera=(self), microphone=(), geolocation=(self)")));
    return http.build();
  }

  private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail,
      String path) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
