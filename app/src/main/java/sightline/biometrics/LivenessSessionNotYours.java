package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Frames or reads for a liveness session from a caller that did not start it (wrong nonce or browser session). */
public final class LivenessSessionNotYours extends ErrorResponseException {

  public LivenessSessionNotYours() {
    super(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null);
  }
}
