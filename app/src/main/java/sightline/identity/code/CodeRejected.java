package sightline.identity.code;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A one-time code did not sign anyone in: wrong, expired, used, out of tries, never sent, or the account may not sign
 * in. The caller is never told which; the sign-in history records the attempt.
 */
public final class CodeRejected extends ErrorResponseException {

  CodeRejected() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
  }
}
