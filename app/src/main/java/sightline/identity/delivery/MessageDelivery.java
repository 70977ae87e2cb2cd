package sightline.identity.delivery;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Picks the e-mail and SMS senders from {@link DeliverySettings} at start-up and sends in the background, after the
 * current transaction commits. Sending off the request thread keeps the answer to "send me a code" equally fast
 * whether or not the account exists, and never holds a database connection during network I/O. A failed send is
 * logged without the message's content. Start-up fails with one sentence when a channel is misconfigured or when
 * the development {@link LoggingSender} is chosen in the {@code postgres} (production) profile.
 */
@Component
public class MessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

  private final MessageSender email;
  private final MessageSender sms;
  private final Executor executor;

  MessageDelivery(DeliverySettings settings, ObjectProvider<JavaMailSender> mail, Environment environment,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    boolean production = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
    this.email = switch (settings.email()) {
      case SMTP -> new SmtpSender(mail.getIfAvailable(() -> {
        throw new IllegalStateException("sightline.identity.delivery.email=smtp needs spring.mail.host (and "
            + "spring.mail.port, username, password as your mail server requires)");
      }), settings.from());
      case LOG -> development("email", production);
      case NONE -> new DisabledSender("e-mail");
      case HTTP -> throw new IllegalStateException("sightline.identity.delivery.email must be smtp, log or none");
    };
    this.sms = switch (settings.sms()) {
      case HTTP -> {
        if (settings.smsUrl() == null) {
          throw new IllegalStateException("sightline.identity.delivery.sms=http needs "
              + "sightline.identity.delivery.sms-url");
        }
        yield new HttpSmsSender(settings.smsUrl(), settings.smsBody(), settings.smsContentType(),
            settings.smsAuthorization());
      }
      case LOG -> development("sms", production);
      case NONE -> new DisabledSender("SMS");
      case SMTP -> throw new IllegalStateException("sightline.identity.delivery.sms must be http, log or none");
    };
    this.executor = executor;
  }

  private static MessageSender development(String channel, boolean production) {
    if (production) {
      throw new IllegalStateException("sightline.identity.delivery." + channel + "=log writes one-time codes to the "
          + "log and is refused in the postgres (production) profile: choose "
          + ("email".equals(channel) ? "smtp (with spring.mail.host)" : "http (with sms-url)") + " or none");
    }
    return new LoggingSender(channel);
  }

  /** Sends after the current transaction commits (at once when there is none), on a background thread. */
  public void sendLater(Channel channel, String recipient, String subject, String text) {
    MessageSender sender = channel == Channel.EMAIL ? email : sms;
    Runnable send = () -> executor.execute(() -> {
      try {
        sender.send(recipient, subject, text);
      } catch (RuntimeException e) {
        log.warn("Could not send a {} message: {}", channel, e.getMessage());
      }
    });
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }
}
