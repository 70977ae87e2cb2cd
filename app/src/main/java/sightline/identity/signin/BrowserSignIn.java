package sightline.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;
import sightline.identity.SignedInUser;

/**
 * Starts the same browser session that form login starts, for sign-in methods that Spring Security's form login does
 * not handle (one-time codes, the second step, face): an authenticated token with the {@link SignedInUser}
 * principal, a new session id (session fixation protection), a fresh CSRF token, and the security context saved in
 * the HTTP session. These are the strategies form login uses with the defaults of our one filter chain
 * ({@link SignInSecurity}).
 */
@Component
public class BrowserSignIn {

  private final ApplicationEventPublisher events;

  BrowserSignIn(ApplicationEventPublisher events) {
    this.events = events;
  }

  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final SessionAuthenticationStrategy sessions = new CompositeSessionAuthenticationStrategy(List.of(
      new ChangeSessionIdAuthenticationStrategy(),
      new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

  /** Signs {@code user} in for the rest of the browser session. */
  public void start(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = user.authentication();
    sessions.onAuthentication(authentication, request, response);
    var context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    repository.saveContext(context, request, response);
    // As form login does: lets the session registry know this session, so a password change can end it.
    events.publishEvent(new InteractiveAuthenticationSuccessEvent(authentication, BrowserSignIn.class));
  }
}
