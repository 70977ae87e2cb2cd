package sightline.biometrics;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Too many liveness sessions failed for this person or address (then starting is refused for the lockout), or
 * too many sessions or frames arrive too fast. 429 with {@code Retry-After}.
 */
public final class LivenessLimitReached extends ErrorResponseException {

  /** Which limit was reached. */
  public enum Limit { FAILED_SESSIONS, SESSION_STARTS, FRAMES }

  private final long retryAfterSeconds;

  public LivenessLimitReached(Limit limit, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS), null, null,
        new Object[] {seconds(retryAfter)});
    this.retryAfterSeconds = seconds(retryAfter);
    getBody().setProperty("limit", limit.name());
    getBody().setProperty("retryAfterSeconds", retryAfterSeconds);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
