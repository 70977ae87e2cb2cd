package sightline.identity.code;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.identity.AccountStatus;
import sightline.identity.Role;
import sightline.identity.SignInMethod;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;
import sightline.identity.delivery.Channel;
import sightline.identity.delivery.MessageDelivery;
import sightline.identity.delivery.NotAnEmailOrPhoneNumber;
import sightline.identity.delivery.Recipient;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.Secrets;
import sightline.identity.history.SignInRecorder;
import sightline.identity.signin.PendingSignIn;
import sightline.identity.totp.TwoFactor;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * Sign-in by a six-digit code sent to an e-mail address or phone number ({@link OneTimeCode} holds the rules).
 * Asking for a code answers the same, after the same work, whether or not the recipient has an account: codes go only
 * to active accounts, or to unknown phone numbers when phone sign-up is on, and are stored and sent in the
 * background. A new code
 * replaces the recipient's earlier ones, so the 5-try limit cannot be multiplied. Requests are limited per recipient
 * ("code-request"); phone sign-ups per client address ("registration"). Every check is recorded with method CODE.
 */
@Service
class CodeSignIn {

  private final AccountRepository accounts;
  private final OneTimeCodeRepository codes;
  private final SignInRecorder recorder;
  private final MessageDelivery delivery;
  private final MessageSource messages;
  private final RateLimits rateLimits;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final boolean phoneSignUp;
  private final TwoFactor twoFactor;

  CodeSignIn(AccountRepository accounts, OneTimeCodeRepository codes, SignInRecorder recorder,
      MessageDelivery delivery, MessageSource messages, RateLimits rateLimits, TransactionOperations transactions,
      Clock clock, @Value("${sightline.identity.codes.phone-sign-up:true}") boolean phoneSignUp,
      TwoFactor twoFactor) {
    this.twoFactor = twoFactor;
    this.accounts = accounts;
    this.codes = codes;
    this.recorder = recorder;
    this.delivery = delivery;
    this.messages = messages;
    this.rateLimits = rateLimits;
    this.transactions = transactions;
    this.clock = clock;
    this.phoneSignUp = phoneSignUp;
  }

  /**
   * Sends a code if the recipient may receive one; returns normally either way, after the same work for every
   * recipient: whether one may receive a code, storing it and sending it happen afterwards on
   * {@link MessageDelivery}'s background thread, so the answer's timing tells nothing about the account.
   *
   * @throws NotAnEmailOrPhoneNumber when the text is neither
   * @param clientAddress the caller's address, for the per-address limit
   * @throws RateLimitExceeded after 3 requests for this recipient in 10 minutes, or 60 code and reset requests from
   *                           this address (by default)
   */
  void requestCode(String typed, String clientAddress) {
    Recipient recipient = Recipient.parse(typed);
    rateLimits.consume(MessageDelivery.ADDRESS_LIMIT, clientAddress);
    rateLimits.consume("code-request", recipient.key());
    Locale locale = LocaleContextHolder.getLocale();
    delivery.composeAndSend(() -> transactions.execute(tx -> issueCode(recipient, locale)));
  }

  /** Stores a new code for the recipient and returns the message that carries it, or null when none may go. */
  private MessageDelivery.@Nullable Message issueCode(Recipient recipient, Locale locale) {
    Optional<Account> account = find(recipient);
    boolean mayReceive = account.map(a -> a.status() == AccountStatus.ACTIVE
            && (recipient.channel() == Channel.SMS || !Recipient.isPlaceholder(a.email())))
        .orElse(recipient.channel() == Channel.SMS && phoneSignUp);
    if (!mayReceive) {
      return null;
    }
    Instant now = clock.instant();
    String code = Secrets.sixDigitCode();
    codes.findByRecipientKeyAndUsedAtIsNullOrderByCreatedAtDesc(recipient.key()).forEach(old -> old.supersede(now));
    codes.save(new OneTimeCode(recipient.channel(), recipient.key(), account.map(Account::id).orElse(null), code,
        now));
    String to = recipient.channel() == Channel.EMAIL ? account.orElseThrow().email() : recipient.key();
    String key = recipient.channel() == Channel.EMAIL ? "code.mail" : "code.sms";
    return new MessageDelivery.Message(recipient.channel(), to,
        messages.getMessage("code.mail.subject", null, locale),
        messages.getMessage(key, new Object[] {code, OneTimeCode.LIFETIME.toMinutes()}, locale));
  }

  /**
   * Checks a code and returns who it signs in. A confirmed code to a phone number without an account creates a
   * MEMBER account for it. For an account with a second factor (or whose role requires one) the code is only the
   * first step: the result then carries the pending state, and the account is not signed in yet.
   *
   * @throws NotAnEmailOrPhoneNumber when the text is neither
   * @throws CodeRejected for any failure, without saying which
   */
  Verified verify(String typed, String code) {
    Recipient recipient = Recipient.parse(typed);
    Instant now = clock.instant();
    Result result;
    try {
      result = transactions.execute(tx -> check(recipient, code, now));
    } catch (ObjectOptimisticLockingFailureException concurrentGuess) {
      result = null; // another guess at the same code committed first; this one counts as wrong
    }
    if (result == null || result.outcome() != SignInOutcome.SUCCESS || result.account() == null) {
      recorder.record(result == null ? null : result.accountId(), recipient.key(), SignInMethod.CODE,
          result == null ? SignInOutcome.BAD_CREDENTIALS : result.outcome());
      throw new CodeRejected();
    }
    Account account = result.account();
    var user = account.signedIn();
    if (result.need() != TwoFactor.Need.NONE) {
      recorder.record(account.id(), recipient.key(), SignInMethod.CODE, SignInOutcome.SECOND_FACTOR_REQUIRED);
      return new Verified(user, PendingSignIn.after(account, recipient.key(), result.need(), SignInMethod.CODE, now));
    }
    recorder.record(account.id(), recipient.key(), SignInMethod.CODE, SignInOutcome.SUCCESS);
    return new Verified(user, null);
  }

  /**
   * A right code: who it was for, and, when the account needs its second factor next, the pending state (then
   * {@code user} is not signed in yet).
   */
  record Verified(SignedInUser user, @Nullable PendingSignIn pending) {}

  private record Result(SignInOutcome outcome, @Nullable AccountId accountId, @Nullable Account account,
      TwoFactor.Need need) {

    Result(SignInOutcome outcome, @Nullable AccountId accountId, @Nullable Account account) {
      this(outcome, accountId, account, TwoFactor.Need.NONE);
    }
  }

  private Result check(Recipient recipient, String guess, Instant now) {
    var latest = codes.findByRecipientKeyAndUsedAtIsNullOrderByCreatedAtDesc(recipient.key()).stream().findFirst();
    if (latest.isEmpty()) {
      return new Result(SignInOutcome.BAD_CREDENTIALS, find(recipient).map(Account::id).orElse(null), null);
    }
    OneTimeCode code = latest.get();
    if (code.check(guess, now) != OneTimeCode.Check.ACCEPTED) {
      return new Result(SignInOutcome.BAD_CREDENTIALS, code.account(), null);
    }
    Account account = code.account() != null ? accounts.findById(code.account().value()).orElse(null)
        : signUpByPhone(recipient, now);
    if (account == null) {
      return new Result(SignInOutcome.BAD_CREDENTIALS, null, null);
    }
    SignInOutcome refusal = account.refusalAt(now); // disabled, awaiting approval or locked, as for every method
    if (refusal != null) {
      return new Result(refusal, account.id(), null);
    }
    TwoFactor.Need need = twoFactor.needFor(account.id(), account.roles());
    if (need == TwoFactor.Need.NONE) {
      // With a second factor, only its success clears the failure count (SecondFactorSignIn).
      account.recordSuccessfulSignIn(now);
    }
    return new Result(SignInOutcome.SUCCESS, account.id(), account, need);
  }

  /** The phone may have got an account since the code was sent (another code confirmed first); use it then. */
  private Account signUpByPhone(Recipient recipient, Instant now) {
    return accounts.findByPhone(recipient.key()).orElseGet(() -> {
      rateLimits.consume("registration", recorder.clientAddress());
      var account = new Account(recipient.placeholderEmail(), recipient.key(), EnumSet.of(Role.MEMBER), null, now);
      account.assignPhone(recipient.key());
      return accounts.save(account);
    });
  }

  private Optional<Account> find(Recipient recipient) {
    return recipient.channel() == Channel.EMAIL ? accounts.findByEmailKey(recipient.key())
        : accounts.findByPhone(recipient.key());
  }
}
