package sightline.identity.tokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The e-mail and password did not sign anyone in. One answer for an unknown e-mail, a wrong password, a locked and
 * a disabled account, so a caller cannot learn which accounts exist; the sign-in history keeps the real reason.
 */
public final class CredentialsRejected extends ErrorResponseException {

  CredentialsRejected() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
  }
}
