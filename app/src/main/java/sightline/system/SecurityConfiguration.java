package sightline.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's one security filter chain and its generic rules. Public: the home page, the camera check, the
 * problem pages, static assets, health, the API description and the model status. Everything else needs a signed-in
 * user; {@code /admin/**} needs ADMIN. The API answers 401/403 as RFC 9457 problems and never makes the server keep
 * a session for them (no saved request, no CSRF token stored for a client without a session). CSRF protection is
 * on; the headers carry a strict Content Security Policy and {@code Referrer-Policy: same-origin}, and HSTS on
 * requests that arrived over HTTPS (directly, or through a proxy with the {@code proxy} profile). Modules add their own rules, sign-in included, with a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies before this method runs: identity adds form
 * login, sessions and bearer tokens that way ({@code identity.signin.SignInSecurity},
 * {@code identity.tokens.ApiTokenSecurity}), so system knows nothing of identity.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
      + "media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";


  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
    var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    var swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/camera", "/error", "/problems/**", "/favicon.ico").permitAll()
            .requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
            .requestMatchers("/css/**", "/js/**", "/images/**", "/fonts/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/api/v1/models").permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor((request, response, e) ->
                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in first.", request.getRequestURI()), api)
            .defaultAccessDeniedHandlerFor((request, response, e) -> writeProblem(json, response,
                HttpStatus.FORBIDDEN, "You may not do this.", request.getRequestURI()), api))
        // The API is for clients that authenticate every request; a session is only ever made by an endpoint that
        // needs one (a sign-in, a liveness session's binding), never by the security filters answering 401/403.
        .requestCache(cache -> cache.requestCache(pagesOnly(api)))
        .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens(api)))
        .headers(headers -> headers
            // Swagger UI (a third-party page) writes a <style> element; only its pages may use inline styles.
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY + "; style-src 'self' 'unsafe-inline'")))
            .permissionsPolicyHeader(policy -> policy.policy("camera=(self), microphone=(), geolocation=(self)"))
            // Other sites learn nothing from us, not even the origin: a reset link's token is in its URL.
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * Remembers the page a visitor asked for before signing in (a GET of a page, not an asset, XHR or fetch), never an
   * API call: API clients do not follow the sign-in redirect, and each saved request would keep a session.
   */
  private static RequestCache pagesOnly(RequestMatcher api) {
    var cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(new AndRequestMatcher(
        request -> HttpMethod.GET.matches(request.getMethod()),
        new NegatedRequestMatcher(api),
        new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/favicon.ico")),
        request -> !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")),
        request -> request.getHeader("HX-Request") == null,
        // Only pages a person opened: a service worker's update check (Sec-Fetch-Dest: serviceworker) made without a
        // session would otherwise be where the next person who signs in on that browser is sent.
        request -> request.getHeader("Sec-Fetch-Dest") == null
            || "document".equals(request.getHeader("Sec-Fetch-Dest"))));
    return cache;
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
