package sightline.biometrics.liveness;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.biometrics.LivenessPurpose;

/** Anonymous callers may start only sign-in sessions. */
final class LivenessPurposeNotAllowed extends ErrorResponseException {

  LivenessPurposeNotAllowed(LivenessPurpose purpose) {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null,
        null, new Object[] {purpose.name()});
    getBody().setProperty("purpose", purpose.name());
  }
}
