package sightline.diagnosis.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An uploaded model has the version of a model already stored (or of the bundled one); nothing was stored. */
final class ModelVersionTaken extends ErrorResponseException {

  ModelVersionTaken(String version) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {version});
  }
}
