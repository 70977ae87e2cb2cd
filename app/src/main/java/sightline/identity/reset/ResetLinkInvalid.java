package sightline.identity.reset;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A password-reset link that is unknown, already used or older than 30 minutes. */
public final class ResetLinkInvalid extends ErrorResponseException {

  ResetLinkInvalid() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null);
  }
}
