package sightline.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller already has an analysis running ({@link Workload}): one at a time per account or API key, so that no
 * one caller fills the queue that everyone shares. Answered with 429 and {@code Retry-After: 1}.
 */
public final class CallerBusy extends ErrorResponseException {

  CallerBusy() {
    super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    getBody().setProperty("retryAfterSeconds", 1);
  }
}
