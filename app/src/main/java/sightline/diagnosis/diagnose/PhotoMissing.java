package sightline.diagnosis.diagnose;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A diagnosis was asked for without a photo. */
final class PhotoMissing extends ErrorResponseException {

  PhotoMissing() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null, null);
  }
}
