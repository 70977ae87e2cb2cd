package sightline.system;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many requests of one kind from one caller; answered with 429 and {@code Retry-After}. */
public final class RateLimitExceeded extends ErrorResponseException {

  private final Duration retryAfter;

  RateLimitExceeded(String limit, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(limit, retryAfter), null, null,
        new Object[] {retryAfterSeconds(retryAfter)});
    this.retryAfter = retryAfter;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
  }

  private static ProblemDetail problem(String limit, Duration retryAfter) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
    problem.setProperty("limit", limit);
    problem.setProperty("retryAfterSeconds", retryAfterSeconds(retryAfter));
    return problem;
  }

  /** Whole seconds to wait, at least 1 (what {@code Retry-After} carries). */
  public long retryAfterSeconds() {
    return retryAfterSeconds(retryAfter);
  }

  private static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
