package sightline.system;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Everyone's share of a {@link Workload.Pool} stayed taken for the whole wait budget: the server is saturated.
 * Answered with 503 and a {@code Retry-After} of the wait budget, naming the pool.
 */
public final class ServerBusy extends ErrorResponseException {

  ServerBusy(String pool, Duration waited) {
    super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), null);
    long seconds = Math.max(1, waited.toSeconds());
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    getBody().setProperty("pool", pool);
    getBody().setProperty("retryAfterSeconds", seconds);
  }
}
