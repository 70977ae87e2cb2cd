package sightline.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.AccountUpdates;
import sightline.identity.directory.LockoutPolicy;
import sightline.identity.history.SignInRecorder;
import sightline.identity.totp.TwoFactor;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * The second step of signing in, for accounts with a TOTP second factor (or whose role requires one). It keeps the
 * rules of the first step: a wrong code counts toward the account's lockout like a wrong password, attempts are
 * rate-limited ("sign-in" limit, keyed by client address and account), a locked or disabled account is refused, and
 * every attempt is recorded with method TOTP. Only a successful second step clears the failure count, so knowing
 * the password does not buy unlimited guesses at the code.
 */
@Component
class SecondFactorSignIn {

  /** A set-up completed at sign-in: who is now signed in and the recovery codes to show once. */
  record SetUpCompleted(SignedInUser user, List<String> recoveryCodes) {}

  private final AccountRepository accounts;
  private final TwoFactor twoFactor;
  private final SignInRecorder recorder;
  private final LockoutPolicy lockout;
  private final RateLimits rateLimits;
  private final TransactionOperations transactions;
  private final AccountUpdates updates;
  private final Clock clock;

  SecondFactorSignIn(AccountRepository accounts, TwoFactor twoFactor, SignInRecorder recorder, LockoutPolicy lockout,
      RateLimits rateLimits, TransactionOperations transactions, AccountUpdates updates, Clock clock) {
    this.accounts = accounts;
    this.twoFactor = twoFactor;
    this.recorder = recorder;
    this.lockout = lockout;
    this.rateLimits = rateLimits;
    this.transactions = transactions;
    this.updates = updates;
    this.clock = clock;
  }

  /**
   * Checks the code (TOTP or recovery code) of a pending sign-in and, when right, signs the account in.
   *
   * @throws BadCredentialsException for a wrong, replayed or spent code, an expired pending state, or an account
   *     that may not sign in now (locked, disabled); the history has the real reason
   * @throws RateLimitExceeded when this address tried this account's second factor too often
   */
  SignedInUser complete(PendingSignIn pending, String code) {
    Account account = admit(pending);
    Optional<TwoFactor.Accepted> accepted = twoFactor.verify(account.id(), code);
    if (accepted.isEmpty()) {
      return fail(account, pending);
    }
    return succeed(account, pending);
  }

  /**
   * Confirms the set-up of a second factor that the account's role requires, and signs the account in.
   *
   * @throws BadCredentialsException as for {@link #complete}
   */
  SetUpCompleted completeSetUp(PendingSignIn pending, String code) {
    Account account = admit(pending);
    Optional<List<String>> codes = twoFactor.enable(account.id(), code);
    if (codes.isEmpty()) {
      fail(account, pending);
    }
    return new SetUpCompleted(succeed(account, pending), codes.orElseThrow());
  }

  private Account admit(PendingSignIn pending) {
    Instant now = clock.instant();
    try {
      rateLimits.consume("sign-in", recorder.clientAddress() + "|second-factor|" + pending.account().value());
    } catch (RateLimitExceeded limited) {
      recorder.record(pending.account(), pending.identifier(), SignInMethod.TOTP, SignInOutcome.RATE_LIMITED);
      throw limited;
    }
    if (pending.isExpiredAt(now)) {
      return refuse(pending, SignInOutcome.BAD_CREDENTIALS);
    }
    Account account = transactions.execute(tx -> accounts.findById(pending.account().value())).orElse(null);
    if (account == null) {
      return refuse(pending, SignInOutcome.BAD_CREDENTIALS);
    }
    SignInOutcome refusal = account.refusalAt(now);
    return refusal != null ? refuse(pending, refusal) : account;
  }

  private SignedInUser fail(Account account, PendingSignIn pending) {
    Instant now = clock.instant();
    updates.apply(account.id(), a -> a.recordFailedSignIn(now, lockout));
    return refuse(pending, SignInOutcome.BAD_CREDENTIALS);
  }

  private SignedInUser succeed(Account account, PendingSignIn pending) {
    Instant now = clock.instant();
    updates.apply(account.id(), a -> a.recordSuccessfulSignIn(now));
    recorder.record(account.id(), pending.identifier(), SignInMethod.TOTP, SignInOutcome.SUCCESS);
    return account.signedIn();
  }

  private <T> T refuse(PendingSignIn pending, SignInOutcome outcome) {
    recorder.record(pending.account(), pending.identifier(), SignInMethod.TOTP, outcome);
    throw new BadCredentialsException("second factor rejected");
  }
}
