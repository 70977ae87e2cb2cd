package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SimpleRedirectSessionInformationExpiredStrategy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. Public: the home page, the camera check, static assets, health, and the API description.
 * Everything else needs a signed-in user; {@code /admin/**} needs ADMIN. The API answers 401/403 as RFC 9457
 * problems, pages send people to sign in. Sign-in itself (who may, and the history) is the identity module's
 * {@code AuthenticationProvider}; Spring Security uses the single provider bean it finds. Modules may add to this
 * chain with a {@code Customizer<HttpSecurity>} bean, which Spring Security applies before this method runs: identity
 * adds bearer tokens for {@code /api/**} and the open, CSRF-exempt {@code /api/v1/auth/**} that way.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json, SessionRegistry sessionRegistry)
      throws Exception {
    var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/camera", "/error", "/problems/**", "/favicon.ico").permitAll()
            .requestMatchers("/sign-in", "/sign-up", "/setup").permitAll()
            .requestMatchers("/sign-in/code/**", "/password-reset/**", "/api/v1/auth/codes/**",
                "/api/v1/auth/password-reset/**").permitAll()
            .requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
            .requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/api/v1/models").permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor((request, response, e) ->
                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in first.", request.getRequestURI()), api)
            .defaultAccessDeniedHandlerFor((request, response, e) ->
                writeProblem(json, response, HttpStatus.FORBIDDEN, "You may not do this.", request.getRequestURI()), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"), request -> true))
        .formLogin(form -> form
            .loginPage("/sign-in")
            .usernameParameter("email")
            .failureHandler(SecurityConfiguration::signInFailed)
            .defaultSuccessUrl("/", false))
        .logout(logout -> logout
            .logoutUrl("/sign-out")
            .logoutSuccessUrl("/sign-in?signedOut"))
        // Every browser session is registered so that a password change can end the account's other sessions.
        // Interactive sign-ins register their session (listener below), so that a password change can end the
        // account's other sessions; this filter turns an ended session into a redirect. Not Spring's concurrency
        // control: that adds a filter which would give every bearer-token API call a session.
        .addFilterAfter(new ConcurrentSessionFilter(sessionRegistry,
            new SimpleRedirectSessionInformationExpiredStrategy("/sign-in?expired")), SecurityContextHolderFilter.class)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; "
                    + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
            .permissionsPolicyHeader(policy -> policy.policy("camera=(self), microphone=(), geolocation=(self)")))
        // These sign-in endpoints consume JSON only (a cross-site form cannot send it) and callers have no token yet
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/auth/codes/**", "/api/v1/auth/password-reset/**"));
    return http.build();
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Registers the session of every interactive sign-in (form, one-time code) in the session registry. */
  @Bean
  ApplicationListener<InteractiveAuthenticationSuccessEvent> sessionRegistration(SessionRegistry sessionRegistry) {
    return event -> {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
        sessionRegistry.registerNewSession(attributes.getRequest().getSession().getId(),
            event.getAuthentication().getPrincipal());
      }
    };
  }

  /** Tells the session registry when the servlet container ends a session. */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /** A refused sign-in goes back to the form; a rate-limited one gets 429 with Retry-After and the error page. */
  private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    if (exception.getCause() instanceof RateLimitExceeded limited) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
      return;
    }
    response.sendRedirect(request.getContextPath() + "/sign-in?error");
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
