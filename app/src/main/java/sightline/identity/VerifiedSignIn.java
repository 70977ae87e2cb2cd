package sightline.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.totp.TwoFactor;

/**
 * Sign-in for methods whose proof another module checks: face sign-in, where biometrics decides whether the live
 * face is the account's. Identity keeps its own rules for them: the account must be active, approved and not locked;
 * a failed proof counts toward the lockout like a wrong password; an account with a second factor (or whose role
 * requires one) goes on to the TOTP step; every attempt is recorded in the sign-in history with its method.
 */
@Component
public class VerifiedSignIn {

  /** Why a proven sign-in did not start a session; the caller shows one neutral message for all of them. */
  public static final class Refused extends RuntimeException {
    private final SignInOutcome outcome;

    Refused(SignInOutcome outcome) {
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
  public record Started(String next, boolean signedIn) {}

  private final AccountRepository accounts;
  private final SignInRecorder recorder;
  private final LockoutPolicy lockout;
  private final TwoFactor twoFactor;
  private final BrowserSignIn browserSignIn;
  private final TransactionOperations transactions;
  private final AccountUpdates updates;
  private final Clock clock;

  VerifiedSignIn(AccountRepository accounts, SignInRecorder recorder, LockoutPolicy lockout, TwoFactor twoFactor,
      BrowserSignIn browserSignIn, TransactionOperations transactions, AccountUpdates updates, Clock clock) {
    this.accounts = accounts;
    this.recorder = recorder;
    this.lockout = lockout;
    this.twoFactor = twoFactor;
    this.browserSignIn = browserSignIn;
    this.transactions = transactions;
    this.updates = updates;
    this.clock = clock;
  }

  /**
   * The account an e-mail address names, whatever its status. Callers must answer an unknown address exactly as a
   * failed proof, so that sign-in never tells whether an account exists.
   */
  public Optional<AccountId> accountFor(String email) {
    return transactions.execute(tx -> accounts.findByEmailKey(Account.emailKey(email)).map(Account::id));
  }

  /**
   * Records a failed proof (the face did not match, or the liveness check failed) and counts it toward the
   * account's lockout.
   *
   * @param account the claimed account, or null when the identifier named none
   * @param outcome {@link SignInOutcome#FACE_NOT_MATCHED}, {@link SignInOutcome#LIVENESS_FAILED} or
   *     {@link SignInOutcome#BAD_CREDENTIALS}
   */
  public void recordFailure(@Nullable AccountId account, String identifier, SignInMethod method,
      SignInOutcome outcome) {
    if (account != null) {
      Instant now = clock.instant();
      updates.apply(account, a -> a.recordFailedSignIn(now, lockout));
    }
    recorder.record(account, identifier, method, outcome);
  }

  /**
   * Signs a browser in as {@code account}, whose proof the caller has checked: a new session id, a new CSRF token,
   * and the session registered, as for a password; or, when the account needs its second factor, the pending
   * state that the TOTP page continues.
   *
   * @throws Refused when the account may not sign in now (disabled, awaiting approval, locked); recorded
   */
  public Started startBrowserSession(AccountId account, String identifier, SignInMethod method,
      HttpServletRequest request, HttpServletResponse response) {
    Instant now = clock.instant();
    Account found = transactions.execute(tx -> accounts.findById(account.value())).orElse(null);
    SignInOutcome refusal = found == null ? SignInOutcome.BAD_CREDENTIALS : found.refusalAt(now);
    if (refusal != null) {
      recorder.record(account, identifier, method, refusal);
      throw new Refused(refusal);
    }
    TwoFactor.Need need = twoFactor.needFor(found.id(), found.roles());
    if (need != TwoFactor.Need.NONE) {
      // The proof is a first factor only, as a password is; only the second step clears the failure count.
      recorder.record(account, identifier, method, SignInOutcome.SECOND_FACTOR_REQUIRED);
      return new Started(PendingSignIn.after(found, identifier, need, method, now).storeIn(request), false);
    }
    updates.apply(account, a -> a.recordSuccessfulSignIn(now));
    recorder.record(account, identifier, method, SignInOutcome.SUCCESS);
    browserSignIn.start(found.signedIn(), request, response);
    return new Started("/", true);
  }

}
