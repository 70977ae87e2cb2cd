package sightline.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The password breaks the password policy (too short). The detail says what is required. */
public final class PasswordRejected extends ErrorResponseException {

  private final int minLength;

  PasswordRejected(int minLength) {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null,
        new Object[] {minLength});
    this.minLength = minLength;
  }

  /** The shortest password the policy accepts. */
  public int minLength() {
    return minLength;
  }
}
