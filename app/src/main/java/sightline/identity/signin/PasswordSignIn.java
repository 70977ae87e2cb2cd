package sightline.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.AccountUpdates;
import sightline.identity.directory.LockoutPolicy;
import sightline.identity.history.SignInRecorder;
import sightline.identity.totp.TwoFactor;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * E-mail and password sign-in with per-account lockout. Unknown e-mail, wrong password, locked and disabled
 * accounts all get the same error and cost the same Argon2 work, so a caller cannot tell them apart; the history
 * records the real reason. The Argon2 check runs outside any transaction. Attempts per client address and e-mail
 * are rate-limited ("sign-in" limit) before any of that, and the refusal is recorded too. An account with a second
 * factor (or whose role requires one) is not signed in by its password: the answer is {@link SecondFactorPending},
 * only after the password was verified, unless the request carries the code as {@link SecondFactorAnswer} details
 * (API).
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

  /** Same cost as a real check for e-mail addresses that match no account (equal timing). */
  private final String unknownAccountHash;

  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final SignInRecorder recorder;
  private final LockoutPolicy lockout;
  private final TransactionOperations transactions;
  private final AccountUpdates updates;
  private final Clock clock;
  private final RateLimits rateLimits;
  private final TwoFactor twoFactor;
  private final SecondFactorSignIn secondFactor;

  PasswordSignIn(AccountRepository accounts, PasswordEncoder passwords, SignInRecorder recorder,
      LockoutPolicy lockout, TransactionOperations transactions, AccountUpdates updates, Clock clock,
      RateLimits rateLimits, TwoFactor twoFactor, SecondFactorSignIn secondFactor) {
    this.rateLimits = rateLimits;
    this.twoFactor = twoFactor;
    this.secondFactor = secondFactor;
    this.accounts = accounts;
    this.passwords = passwords;
    this.recorder = recorder;
    this.lockout = lockout;
    this.transactions = transactions;
    this.updates = updates;
    this.clock = clock;
    this.unknownAccountHash = passwords.encode("no account has this password " + System.nanoTime());
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String email = authentication.getName() == null ? "" : authentication.getName().strip();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    Instant now = clock.instant();
    try {
      rateLimits.consume("sign-in", recorder.clientAddress() + "|" + Account.emailKey(email));
    } catch (RateLimitExceeded limited) {
      recorder.record(null, email, SignInMethod.PASSWORD, SignInOutcome.RATE_LIMITED);
      throw new AuthenticationServiceException("too many sign-in attempts", limited);
    }

    Optional<Account> found = transactions.execute(tx -> accounts.findByEmailKey(Account.emailKey(email)));
    if (found == null || found.isEmpty()) {
      passwords.matches(password, unknownAccountHash);
      return refuse(null, email, SignInOutcome.BAD_CREDENTIALS);
    }
    Account account = found.get();
    String hash = account.passwordHash();
    boolean matches = passwords.matches(password, hash != null ? hash : unknownAccountHash) && hash != null;

    SignInOutcome refusal = account.refusalAt(now);
    Instant lockedUntil = account.stateAt(now).lockedUntil();
    if (refusal == SignInOutcome.LOCKED && lockedUntil != null) {
      recorder.record(account.id(), email, SignInMethod.PASSWORD, refusal);
      throw new TemporarilyLocked(Duration.between(now, lockedUntil));
    }
    if (refusal != null) {
      return refuse(account.id(), email, refusal);
    }
    if (!matches) {
      updates.apply(account.id(), a -> a.recordFailedSignIn(now, lockout));
      return refuse(account.id(), email, SignInOutcome.BAD_CREDENTIALS);
    }
    boolean rehash = passwords.upgradeEncoding(hash);
    String newHash = rehash ? passwords.encode(password) : null;
    TwoFactor.Need need = twoFactor.needFor(account.id(), account.roles());
    updates.apply(account.id(), a -> {
      if (need == TwoFactor.Need.NONE) {
        // With a second factor, only its success clears the failure count: the password alone must not reset it.
        a.recordSuccessfulSignIn(now);
      }
      if (newHash != null) {
        a.setPasswordHash(newHash);
      }
    });
    if (need == TwoFactor.Need.NONE) {
      recorder.record(account.id(), email, SignInMethod.PASSWORD, SignInOutcome.SUCCESS);
      return account.signedIn().authentication();
    }
    recorder.record(account.id(), email, SignInMethod.PASSWORD, SignInOutcome.SECOND_FACTOR_REQUIRED);
    var pending = PendingSignIn.after(account, email, need, SignInMethod.PASSWORD, now);
    if (need == TwoFactor.Need.CODE && authentication.getDetails() instanceof SecondFactorAnswer answer) {
      try {
        return secondFactor.complete(pending, answer.code()).authentication();
      } catch (RateLimitExceeded limited) {
        throw new AuthenticationServiceException("too many second-factor attempts", limited);
      }
    }
    return new SecondFactorPending(pending);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private Authentication refuse(@Nullable AccountId account, String email, SignInOutcome outcome) {
    recorder.record(account, email, SignInMethod.PASSWORD, outcome);
    throw new BadCredentialsException("bad credentials");
  }

}
