package sightline.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The password breaks the password policy: too short, or on the common-password list; or it is not text at all (a
 * lone UTF-16 surrogate, which only a hand-made JSON body can carry).
 */
public final class PasswordRejected extends ErrorResponseException {

  /** Which rule it broke. */
  public enum Reason { TOO_SHORT, COMMON, MALFORMED }

  private final Reason reason;
  private final int minLength;

  public PasswordRejected(Reason reason, int minLength) {
    super(HttpStatus.BAD_REQUEST, problem(reason), null, null, new Object[] {minLength});
    this.reason = reason;
    this.minLength = minLength;
  }

  private static ProblemDetail problem(Reason reason) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("reason", reason.name());
    return problem;
  }

  public Reason reason() {
    return reason;
  }

  /** The shortest password the policy accepts. */
  public int minLength() {
    return minLength;
  }

  /**
   * The message key for a form field error: {@code password.tooShort}, {@code password.common} or
   * {@code password.malformed}.
   */
  public String messageKey() {
    return switch (reason) {
      case TOO_SHORT -> "password.tooShort";
      case COMMON -> "password.common";
      case MALFORMED -> "password.malformed";
    };
  }
}
