package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A liveness session was to be used as proof, but it has not passed, or it was already used once. */
public final class LivenessSessionNotPassed extends ErrorResponseException {

  public LivenessSessionNotPassed(LivenessSessionId id) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null);
    getBody().setProperty("sessionId", id.value());
  }
}
