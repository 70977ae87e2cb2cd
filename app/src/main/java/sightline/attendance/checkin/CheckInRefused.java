package sightline.attendance.checkin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.attendance.AttemptOutcome;

/**
 * A check-in was refused, for the reason in {@code outcome} (an extension member clients act on); the attempt is
 * recorded with it. The detail is the student's friendly message for that reason ({@code checkin.outcome.<NAME>}).
 */
public final class CheckInRefused extends ErrorResponseException {

  private final AttemptOutcome outcome;

  /** Refused for {@code outcome}; the message's arguments are those of {@link Facts#arguments()}. */
  CheckInRefused(AttemptOutcome outcome, Facts facts) {
    super(status(outcome), problem(outcome, facts), null, "checkin.outcome." + outcome.name(), facts.arguments());
    this.outcome = outcome;
  }

  /** TOO_MANY_ATTEMPTS, with the wait in {@code Retry-After}. */
  static CheckInRefused tooManyAttempts(Facts facts, long retryAfterSeconds) {
    var refused = new CheckInRefused(AttemptOutcome.TOO_MANY_ATTEMPTS, facts.withRetryAfter(retryAfterSeconds));
    refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    refused.getBody().setProperty("retryAfterSeconds", retryAfterSeconds);
    return refused;
  }

  AttemptOutcome outcome() {
    return outcome;
  }

  static HttpStatus status(AttemptOutcome outcome) {
    return switch (outcome) {
      case NOT_A_STUDENT, NOT_ENROLLED -> HttpStatus.FORBIDDEN;
      case SESSION_NOT_OPEN, ALREADY_CHECKED_IN -> HttpStatus.CONFLICT;
      case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
      default -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
  }

  private static ProblemDetail problem(AttemptOutcome outcome, Facts facts) {
    ProblemDetail problem = ProblemDetail.forStatus(status(outcome));
    problem.setProperty("outcome", outcome.name());
    if (facts.distanceMetres() != null) {
      problem.setProperty("distanceMetres", Math.round(facts.distanceMetres()));
    }
    if (facts.radiusMetres() != null) {
      problem.setProperty("radiusMetres", facts.radiusMetres());
    }
    return problem;
  }

}
