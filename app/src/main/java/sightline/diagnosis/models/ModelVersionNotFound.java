package sightline.diagnosis.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No model, bundled or uploaded, has this version. */
final class ModelVersionNotFound extends ErrorResponseException {

  ModelVersionNotFound(String version) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {version});
  }
}
