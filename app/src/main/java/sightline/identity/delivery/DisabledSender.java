package sightline.identity.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A channel that is switched off: nothing is sent, and the log says so without the message's content. */
final class DisabledSender implements MessageSender {

  private static final Logger log = LoggerFactory.getLogger(DisabledSender.class);

  private final String channel;

  DisabledSender(String channel) {
    this.channel = channel;
  }

  @Override
  public void send(String recipient, String subject, String text) {
    log.warn("A message was not sent because {} delivery is off (sightline.identity.delivery)", channel);
  }
}
