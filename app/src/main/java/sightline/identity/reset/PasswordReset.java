package sightline.identity.reset;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.util.UriComponentsBuilder;
import sightline.identity.AccountId;
import sightline.identity.AccountStatus;
import sightline.identity.CredentialsRevoked;
import sightline.identity.PasswordRejected;
import sightline.identity.PasswordResetCompleted;
import sightline.identity.delivery.Channel;
import sightline.identity.delivery.MessageDelivery;
import sightline.identity.delivery.NotAnEmailOrPhoneNumber;
import sightline.identity.delivery.Recipient;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountDirectoryService;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.BrowserSessions;
import sightline.identity.directory.Secrets;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;

/**
 * Password reset by an e-mailed link ({@link PasswordResetToken} holds the rules: single use, 30 minutes, only a hash
 * stored). Asking for a link answers the same, after the same work, whether or not the account exists; the token is
 * stored and the link sent in the background. The link's address is built from {@code sightline.public-url}, never
 * from the request's Host header, so a forged Host cannot send people a link to someone else's server. The new
 * password passes the same policy as every password ({@link AccountDirectoryService#hash}); neither it nor the
 * token is logged or recorded.
 */
@Service
class PasswordReset {

  private final AccountRepository accounts;
  private final PasswordResetTokenRepository tokens;
  private final AccountDirectoryService directory;
  private final BrowserSessions sessions;
  private final MessageDelivery delivery;
  private final MessageSource messages;
  private final RateLimits rateLimits;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final URI publicUrl;

  PasswordReset(AccountRepository accounts, PasswordResetTokenRepository tokens, AccountDirectoryService directory,
      BrowserSessions sessions, MessageDelivery delivery, MessageSource messages, RateLimits rateLimits,
      TransactionOperations transactions, ApplicationEventPublisher events, Clock clock,
      @Value("${sightline.public-url:http://localhost:8080}") URI publicUrl) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.directory = directory;
    this.sessions = sessions;
    this.delivery = delivery;
    this.messages = messages;
    this.rateLimits = rateLimits;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * E-mails a reset link if an account may reset its password with this address; returns normally either way, after
   * the same work for every address: the look-up, storing the token and sending happen afterwards on
   * {@link MessageDelivery}'s background thread, so the answer's timing tells nothing about the account.
   *
   * @throws NotAnEmailOrPhoneNumber when the text is not an e-mail address
   * @param clientAddress the caller's address, for the per-address limit
   * @throws RateLimitExceeded after 3 requests for this address in 10 minutes (the "code-request" limit), or 60 code
   *                           and reset requests from this client address ({@link MessageDelivery#ADDRESS_LIMIT})
   */
  void requestLink(String typedEmail, String clientAddress) {
    Recipient recipient = Recipient.parse(typedEmail);
    if (recipient.channel() != Channel.EMAIL) {
      throw new NotAnEmailOrPhoneNumber();
    }
    rateLimits.consume(MessageDelivery.ADDRESS_LIMIT, clientAddress);
    rateLimits.consume("code-request", "password-reset|" + recipient.key());
    Locale locale = LocaleContextHolder.getLocale();
    delivery.composeAndSend(() -> transactions.execute(tx -> issueLink(recipient, locale)));
  }

  /** Stores a new token for the address's account and returns the message with its link, or null for none. */
  private MessageDelivery.@Nullable Message issueLink(Recipient recipient, Locale locale) {
    return accounts.findByEmailKey(recipient.key())
        .filter(account -> account.status() != AccountStatus.DISABLED && !Recipient.isPlaceholder(account.email()))
        .map(account -> {
          String token = Secrets.urlToken();
          tokens.save(new PasswordResetToken(account.id(), token, clock.instant()));
          String link = UriComponentsBuilder.fromUri(publicUrl).path("/password-reset/new")
              .queryParam("token", token).build().toUriString();
          return new MessageDelivery.Message(Channel.EMAIL, account.email(),
              messages.getMessage("reset.mail.subject", null, locale),
              messages.getMessage("reset.mail", new Object[] {link, PasswordResetToken.LIFETIME.toMinutes()}, locale));
        })
        .orElse(null);
  }

  /** Whether a link's token would still be accepted now (for showing the form or an explanation). */
  boolean accepts(String token) {
    Instant now = clock.instant();
    return Boolean.TRUE.equals(transactions.execute(tx -> tokens.findByTokenHash(PasswordResetToken.hash(token))
        .map(found -> found.isUsableAt(now)).orElse(false)));
  }

  /**
   * Sets a new password with a link's token, spends that token and every other open token of the account.
   *
   * @throws PasswordRejected when the password breaks the policy (the token stays usable)
   * @throws ResetLinkInvalid when the token is unknown, used or expired
   */
  void resetPassword(String token, String newPassword) {
    String hash = directory.hash(newPassword); // Argon2 outside the transaction
    Instant now = clock.instant();
    AccountId reset = transactions.execute(tx -> {
      PasswordResetToken found = tokens.findByTokenHash(PasswordResetToken.hash(token))
          .filter(candidate -> candidate.isUsableAt(now)).orElseThrow(ResetLinkInvalid::new);
      found.use(now);
      tokens.findByAccountIdAndUsedAtIsNull(found.account().value()).forEach(other -> other.use(now));
      Account account = accounts.findById(found.account().value()).orElseThrow(ResetLinkInvalid::new);
      account.setPasswordHash(hash);
      events.publishEvent(new PasswordResetCompleted(account.id(), now));
      events.publishEvent(new CredentialsRevoked(account.id())); // API tokens end with the change
      return account.id();
    });
    sessions.end(reset, null); // so do browser sessions signed in with the old password
  }
}
