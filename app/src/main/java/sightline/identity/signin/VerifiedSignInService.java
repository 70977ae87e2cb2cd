package sightline.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.VerifiedSignIn;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.AccountUpdates;
import sightline.identity.directory.LockoutPolicy;
import sightline.identity.history.SignInRecorder;
import sightline.identity.totp.TwoFactor;

/** Identity's rules for sign-ins whose proof another module checked (see {@link VerifiedSignIn}). */
@Component
class VerifiedSignInService implements VerifiedSignIn {

  private final AccountRepository accounts;
  private final SignInRecorder recorder;
  private final LockoutPolicy lockout;
  private final TwoFactor twoFactor;
  private final BrowserSignIn browserSignIn;
  private final TransactionOperations transactions;
  private final AccountUpdates updates;
  private final Clock clock;

  VerifiedSignInService(AccountRepository accounts, SignInRecorder recorder, LockoutPolicy lockout, TwoFactor twoFactor,
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

  @Override
  public Optional<AccountId> accountFor(String email) {
    return transactions.execute(tx -> accounts.findByEmailKey(Account.emailKey(email)).map(Account::id));
  }

  @Override
  public void recordFailure(@Nullable AccountId account, String identifier, SignInMethod method,
      SignInOutcome outcome) {
    if (account != null) {
      Instant now = clock.instant();
      updates.apply(account, a -> a.recordFailedSignIn(now, lockout));
    }
    recorder.record(account, identifier, method, outcome);
  }

  @Override
  public Started startBrowserSession(AccountId account, String identifier, SignInMethod method,
      Set<Role> secondFactorRoles, HttpServletRequest request, HttpServletResponse response) {
    Instant now = clock.instant();
    Account found = transactions.execute(tx -> accounts.findById(account.value())).orElse(null);
    SignInOutcome refusal = found == null ? SignInOutcome.BAD_CREDENTIALS : found.refusalAt(now);
    if (refusal != null) {
      recorder.record(account, identifier, method, refusal);
      throw new Refused(refusal);
    }
    TwoFactor.Need need = twoFactor.needFor(found.id(), found.roles());
    if (need == TwoFactor.Need.NONE && found.roles().stream().anyMatch(secondFactorRoles::contains)) {
      need = TwoFactor.Need.SET_UP;
    }
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
