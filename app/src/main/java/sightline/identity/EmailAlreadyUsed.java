package sightline.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another account already has this e-mail address (compared without regard to case). */
public final class EmailAlreadyUsed extends ErrorResponseException {

  public EmailAlreadyUsed(String email) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {email});
  }
}
