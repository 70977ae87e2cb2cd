package sightline.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;
import sightline.identity.AccountId;
import sightline.identity.SignInMethod;
import sightline.identity.directory.Account;
import sightline.identity.totp.TwoFactor;

/**
 * A browser whose first factor (password or one-time code) was right, waiting for its second factor: kept in the
 * HTTP session under {@link #SESSION_KEY}, never a signed-in user. Expires after {@link #LIFETIME}.
 *
 * @param identifier what was typed at the first step, for the history
 * @param email the account's e-mail address, the label an authenticator app shows
 * @param need {@code CODE} or {@code SET_UP}
 */
public record PendingSignIn(AccountId account, String identifier, String email, TwoFactor.Need need,
    SignInMethod firstFactor, Instant expiresAt) implements Serializable {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  public static final String SESSION_KEY = PendingSignIn.class.getName();

  public static PendingSignIn after(Account account, String identifier, TwoFactor.Need need, SignInMethod firstFactor,
      Instant now) {
    return new PendingSignIn(account.id(), identifier, account.email(), need, firstFactor, now.plus(LIFETIME));
  }

  /**
   * Keeps this state in the browser's session, under a new session id: a session id planted before the first step
   * must not be usable to try codes for the account.
   *
   * @return the page that asks for the second factor
   */
  public String storeIn(HttpServletRequest request) {
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(SESSION_KEY, this);
    return need == TwoFactor.Need.SET_UP ? "/sign-in/two-factor/set-up" : "/sign-in/two-factor";
  }

  /** The pending state of this browser's session, or null. */
  static @Nullable PendingSignIn of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_KEY) instanceof PendingSignIn pending ? pending : null;
  }

  static void clear(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_KEY);
    }
  }

  /**
   * The answer for an API client, which has no second step of its own: {@link SecondFactorNeeded}, or
   * {@link SecondFactorSetUpNeeded} when the account must set its second factor up in the browser first.
   */
  public ErrorResponseException problem() {
    return need == TwoFactor.Need.SET_UP ? new SecondFactorSetUpNeeded() : new SecondFactorNeeded();
  }

  boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
