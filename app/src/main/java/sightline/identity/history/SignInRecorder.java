package sightline.identity.history;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import sightline.identity.AccountId;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;

/**
 * Writes the sign-in history. Every attempt of every method is recorded here, in a transaction of its own, so a
 * failed sign-in leaves its row even though the sign-in itself rolls nothing forward.
 */
@Service
public class SignInRecorder {

  private final SignInAttemptRepository attempts;
  private final Clock clock;

  SignInRecorder(SignInAttemptRepository attempts, Clock clock) {
    this.attempts = attempts;
    this.clock = clock;
  }

  /**
   * Records one attempt, taking the client address and user agent from the current HTTP request if there is one.
   *
   * @param account the account the identifier matched, or null
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(@Nullable AccountId account, String identifier, SignInMethod method, SignInOutcome outcome) {
    HttpServletRequest request = currentRequest();
    attempts.save(new SignInAttempt(account, identifier, method, outcome,
        request == null ? null : request.getRemoteAddr(), request == null ? null : userAgent(request),
        clock.instant()));
  }

  /**
   * The User-Agent header as sent, with control characters replaced. Spring Security's firewall refuses to hand
   * out a header value with control characters (it throws, which made such a sign-in a 500 that left no row), so
   * it is read from the container's own request; the history must keep the attempt, and whatever a client put
   * there is only ever shown as text.
   */
  static @Nullable String userAgent(HttpServletRequest request) {
    ServletRequest raw = request;
    while (raw instanceof ServletRequestWrapper wrapper) {
      raw = wrapper.getRequest();
    }
    String agent = raw instanceof HttpServletRequest http ? http.getHeader("User-Agent") : null;
    if (agent == null) {
      return null;
    }
    var clean = new StringBuilder(Math.min(agent.length(), SignInAttempt.MAX_USER_AGENT));
    agent.codePoints().limit(SignInAttempt.MAX_USER_AGENT).forEach(c ->
        clean.appendCodePoint(Character.isISOControl(c) || !Character.isDefined(c) ? '\uFFFD' : c));
    return clean.toString();
  }

  /** The current request's client address, or {@code "-"} outside a request. */
  public String clientAddress() {
    HttpServletRequest request = currentRequest();
    return request == null ? "-" : request.getRemoteAddr();
  }

  private static @Nullable HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }
}
