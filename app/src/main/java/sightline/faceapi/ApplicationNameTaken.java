package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another face API application already has this name. */
final class ApplicationNameTaken extends ErrorResponseException {

  ApplicationNameTaken(String name) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {name});
  }
}
