package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A liveness frame larger than allowed, in bytes or in pixels. */
public final class LivenessFrameRejected extends ErrorResponseException {

  public LivenessFrameRejected(int maxBytes, int maxSidePx) {
    super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE), null, null,
        new Object[] {maxBytes / 1000, maxSidePx});
    getBody().setProperty("maxBytes", maxBytes);
    getBody().setProperty("maxSidePx", maxSidePx);
  }
}
