package sightline.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in for methods whose proof another module checks: face sign-in, where biometrics decides whether the live
 * face is the account's. Identity keeps its own rules for them: the account must be active, approved and not locked;
 * a failed proof counts toward the lockout like a wrong password; an account with a second factor (or whose role
 * requires one) goes on to the TOTP step; every attempt is recorded in the sign-in history with its method.
 */
public interface VerifiedSignIn {

  /** Why a proven sign-in did not start a session; the caller shows one neutral message for all of them. */
  final class Refused extends RuntimeException {
    private final SignInOutcome outcome;

    public Refused(SignInOutcome outcome) {
      super("sign-in refused: " + outcome);
      this.outcome = outcome;
    }

    /** What the history recorded. */
    public SignInOutcome outcome() {
      return outcome;
    }
  }

  /**
   * A started sign-in: where the browser goes next (home, or the second-factor page when the account has one) and
   * whether the session is signed in already.
   */
  record Started(String next, boolean signedIn) {}

  /**
   * The account an e-mail address names, whatever its status. Callers must answer an unknown address exactly as a
   * failed proof, so that sign-in never tells whether an account exists.
   */
  Optional<AccountId> accountFor(String email);

  /**
   * Records a failed proof (the face did not match, or the liveness check failed) and counts it toward the
   * account's lockout.
   *
   * @param account the claimed account, or null when the identifier named none
   * @param outcome {@link SignInOutcome#FACE_NOT_MATCHED}, {@link SignInOutcome#LIVENESS_FAILED} or
   *     {@link SignInOutcome#BAD_CREDENTIALS}
   */
  void recordFailure(@Nullable AccountId account, String identifier, SignInMethod method, SignInOutcome outcome);

  /**
   * Signs a browser in as {@code account}, whose proof the caller has checked: a new session id, a new CSRF token,
   * and the session registered, as for a password; or, when the account needs its second factor, the pending
   * state that the TOTP page continues.
   *
   * @throws Refused when the account may not sign in now (disabled, awaiting approval, locked); recorded
   */
  default Started startBrowserSession(AccountId account, String identifier, SignInMethod method,
      HttpServletRequest request, HttpServletResponse response) {
    return startBrowserSession(account, identifier, method, Set.of(), request, response);
  }

  /**
   * The same, with a second factor also required of accounts holding any of {@code secondFactorRoles} for this
   * sign-in, whatever the site requires of their role in general (face sign-in asks it of administrators by
   * default): such an account without a second factor must set one up first.
   */
  Started startBrowserSession(AccountId account, String identifier, SignInMethod method, Set<Role> secondFactorRoles,
      HttpServletRequest request, HttpServletResponse response);
}
