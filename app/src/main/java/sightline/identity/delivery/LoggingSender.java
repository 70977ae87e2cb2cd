package sightline.identity.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development only: writes each message, one-time codes and reset links included, to the log instead of sending it.
 * {@link MessageDelivery} refuses to start with it in the {@code postgres} (production) profile.
 */
final class LoggingSender implements MessageSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSender.class);

  private final String channel;

  LoggingSender(String channel) {
    this.channel = channel;
  }

  @Override
  public void send(String recipient, String subject, String text) {
    log.warn("DEVELOPMENT {} sender, not delivered: to {}: {}", channel, recipient, text);
  }
}
