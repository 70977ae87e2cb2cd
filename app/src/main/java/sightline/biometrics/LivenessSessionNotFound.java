package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No liveness session with this id is known (never started, or ended long enough ago to be forgotten). */
public final class LivenessSessionNotFound extends ErrorResponseException {

  public LivenessSessionNotFound(LivenessSessionId id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null);
    getBody().setProperty("sessionId", id.value());
  }
}
