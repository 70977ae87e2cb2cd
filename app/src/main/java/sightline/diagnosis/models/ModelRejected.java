package sightline.diagnosis.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An uploaded model failed a check and was not stored; the detail says which check and why. */
final class ModelRejected extends ErrorResponseException {

  ModelRejected(String reason) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT), null, null,
        new Object[] {reason});
  }
}
