package sightline.biometrics.enrolment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A frame or photo sent as the request body is larger than the API accepts. */
final class FrameTooLarge extends ErrorResponseException {

  FrameTooLarge(int maxBytes) {
    super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE), null, null,
        new Object[] {maxBytes / 1024});
    getBody().setProperty("maxBytes", maxBytes);
  }
}
