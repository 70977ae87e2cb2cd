package sightline.courses.enrolment;

/** The roster file cannot be read as a roster at all (not a per-row problem). */
final class ImportUnreadable extends RuntimeException {

  private final String messageKey;
  private final String argument;

  ImportUnreadable(String messageKey, String argument) {
    super(messageKey + ": " + argument);
    this.messageKey = messageKey;
    this.argument = argument;
  }

  String messageKey() {
    return messageKey;
  }

  String argument() {
    return argument;
  }
}
