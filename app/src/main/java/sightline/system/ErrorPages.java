package sightline.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Friendly error pages sent from outside a controller, such as a security filter's failure handler. */
public final class ErrorPages {

  /** The request attribute through which the error page learns how long to wait, in whole seconds. */
  public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

  private ErrorPages() {}

  /**
   * Answers 429 with {@code Retry-After} and the error page, which says how long to wait and links back to the page
   * that was asked for.
   */
  public static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait)
      throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    request.setAttribute(RETRY_AFTER_SECONDS, seconds);
    response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
  }
}
