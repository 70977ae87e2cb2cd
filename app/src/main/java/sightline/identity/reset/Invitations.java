package sightline.identity.reset;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.util.UriComponentsBuilder;
import sightline.identity.AccountId;
import sightline.identity.AccountStatus;
import sightline.identity.delivery.Channel;
import sightline.identity.delivery.MessageDelivery;
import sightline.identity.delivery.Recipient;
import sightline.identity.directory.Account;
import sightline.identity.directory.AccountRepository;
import sightline.identity.directory.Secrets;

/**
 * Sign-in invitations for accounts that an administrator made (one by one or from a roster): an e-mail with a
 * single-use link to choose a password. The link is a password-reset token that lasts
 * {@link PasswordResetToken#INVITATION_LIFETIME} and leads to the same page, so it follows the same rules (SHA-256
 * only stored, spent on use, every open token of the account spent with it, built from {@code sightline.public-url}).
 * Sending happens in the background after commit, through {@link MessageDelivery}.
 */
@Service
public class Invitations {

  private final AccountRepository accounts;
  private final PasswordResetTokenRepository tokens;
  private final MessageDelivery delivery;
  private final MessageSource messages;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final URI publicUrl;

  Invitations(AccountRepository accounts, PasswordResetTokenRepository tokens, MessageDelivery delivery,
      MessageSource messages, TransactionOperations transactions, Clock clock,
      @Value("${sightline.public-url:http://localhost:8080}") URI publicUrl) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.delivery = delivery;
    this.messages = messages;
    this.transactions = transactions;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * Sends the account an invitation in {@code locale}.
   *
   * @return the address it goes to, or empty when the account is disabled or has no address to write to (an
   *     account made by a code to a phone has a placeholder e-mail)
   */
  public Optional<String> invite(AccountId account, Locale locale) {
    Optional<Account> found = transactions.execute(tx -> accounts.findById(account.value()));
    if (found == null || found.isEmpty() || found.get().status() == AccountStatus.DISABLED
        || Recipient.isPlaceholder(found.get().email())) {
      return Optional.empty();
    }
    String email = found.get().email();
    delivery.composeAndSend(() -> transactions.execute(tx -> {
      String token = Secrets.urlToken();
      tokens.save(new PasswordResetToken(account, token, clock.instant(), PasswordResetToken.INVITATION_LIFETIME));
      String link = UriComponentsBuilder.fromUri(publicUrl).path("/password-reset/new").queryParam("token", token)
          .build().toUriString();
      return new MessageDelivery.Message(Channel.EMAIL, email,
          messages.getMessage("invite.mail.subject", null, locale), messages.getMessage("invite.mail",
              new Object[] {link, PasswordResetToken.INVITATION_LIFETIME.toDays()}, locale));
    }));
    return Optional.of(email);
  }
}
