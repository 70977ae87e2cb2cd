package sightline.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SimpleRedirectSessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import sightline.identity.SignedInUser;
import sightline.system.ErrorPages;
import sightline.system.RateLimitExceeded;

/**
 * Identity's part of the application's one security filter chain, added as a {@code Customizer<HttpSecurity>} (as
 * {@code identity.tokens.ApiTokenSecurity} adds bearer tokens): the pages for people who are not signed in yet, form
 * login on {@code POST /sign-in} (through {@link PasswordSignIn}), logout, and the session registry through which a
 * password change or a disablement ends an account's other browser sessions. A page that needs a signed-in user
 * sends the browser to {@code /sign-in}; {@code system.SecurityConfiguration} answers the API's 401 and 403.
 *
 * <p>A right password for an account that needs its second factor is not a sign-in: {@link PasswordSignIn} answers
 * {@link SecondFactorPending}, which Spring Security never keeps in the HTTP session, and the success handler below
 * sends the browser straight to the second step with the pending state.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

  @Bean
  Customizer<HttpSecurity> signIn(SessionRegistry sessionRegistry) {
    var signedIn = new SavedRequestAwareAuthenticationSuccessHandler(); // the page that asked, else "/"
    return http -> http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/sign-in", "/sign-up", "/setup", "/sign-in/code/**", "/password-reset/**",
                "/sign-in/two-factor", "/sign-in/two-factor/**").permitAll())
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/sign-in"),
            new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))))
        .formLogin(form -> form
            .loginPage("/sign-in")
            .usernameParameter("email")
            .successHandler((request, response, authentication) -> {
              if (authentication instanceof SecondFactorPending pending) {
                response.sendRedirect(request.getContextPath() + pending.signIn().storeIn(request));
              } else {
                signedIn.onAuthenticationSuccess(request, response, authentication);
              }
            })
            .failureHandler(SignInSecurity::signInFailed))
        .logout(logout -> logout
            .logoutUrl("/sign-out")
            // A shared phone: the next person must not see the last one's cached pages and pictures, nor send the
            // photos they queued offline (IndexedDB). Written on plain HTTP too, unlike Spring's
            // ClearSiteDataHeaderWriter: browsers honour it on localhost, the only place service workers run there.
            .addLogoutHandler((request, response, authentication) ->
                response.setHeader("Clear-Site-Data", "\"cache\", \"storage\""))
            .logoutSuccessUrl("/sign-in?signedOut"))
        // Interactive sign-ins register their session (listener below), so that a password change can end the
        // account's other sessions; this filter turns an ended session into a redirect. Not Spring's concurrency
        // control: that adds a filter which would give every bearer-token API call a session.
        .addFilterAfter(new ConcurrentSessionFilter(sessionRegistry,
                new SimpleRedirectSessionInformationExpiredStrategy("/sign-in?expired")),
            SecurityContextHolderFilter.class);
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Registers the session of every interactive sign-in (form, one-time code, second step, face). */
  @Bean
  ApplicationListener<InteractiveAuthenticationSuccessEvent> sessionRegistration(SessionRegistry sessionRegistry) {
    return event -> {
      Authentication authentication = event.getAuthentication();
      if (authentication.getPrincipal() instanceof SignedInUser user
          && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
        sessionRegistry.registerNewSession(attributes.getRequest().getSession().getId(), user);
      }
    };
  }

  /** Tells the session registry when the servlet container ends a session. */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /**
   * A refused sign-in goes back to the form; a rate-limited one, or one for an account locked for a while, gets 429
   * with Retry-After and the error page, which says how long to wait and links back to the form.
   */
  private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    if (exception.getCause() instanceof RateLimitExceeded limited) {
      ErrorPages.tooManyRequests(request, response, Duration.ofSeconds(limited.retryAfterSeconds()));
      return;
    }
    if (exception instanceof TemporarilyLocked locked) {
      ErrorPages.tooManyRequests(request, response, locked.waitFor());
      return;
    }
    response.sendRedirect(request.getContextPath() + "/sign-in?error");
  }
}
