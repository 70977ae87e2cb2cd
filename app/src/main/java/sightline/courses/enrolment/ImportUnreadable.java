package sightline.courses.enrolment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The roster file cannot be read as a roster at all (not a per-row problem). Its detail is the message of
 * {@link #messageKey()}, which the import page shows too.
 */
final class ImportUnreadable extends ErrorResponseException {

  private final String messageKey;
  private final String argument;

  ImportUnreadable(String messageKey, String argument) {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, messageKey,
        new Object[] {argument});
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
