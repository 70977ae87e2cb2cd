package sightline.identity.signin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The password (or one-time code) was right and the account uses a second factor: send the current code from the
 * authenticator app as {@code totp}, or a recovery code as {@code recoveryCode}, with the same request.
 */
public final class SecondFactorNeeded extends ErrorResponseException {

  SecondFactorNeeded() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
  }
}
