package sightline.diagnosis.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Restoring the previous model was asked for, but only one model has ever been in use. */
final class NoPreviousModel extends ErrorResponseException {

  NoPreviousModel() {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, null);
  }
}
