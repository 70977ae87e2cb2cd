package sightline.identity.delivery;

/**
 * Delivers one short text to one e-mail address or phone number. Implementations: {@link SmtpSender} (e-mail),
 * {@link HttpSmsSender} (an SMS gateway's HTTP API), {@link LoggingSender} (development only: writes the text, codes
 * included, to the log) and {@link DisabledSender}. Implementations are thread-safe.
 */
interface MessageSender {

  /**
   * Sends now, on the caller's thread.
   *
   * @param recipient an e-mail address or an E.164 phone number
   * @param subject used by e-mail only
   * @throws RuntimeException when the message could not be handed over
   */
  void send(String recipient, String subject, String text);
}
