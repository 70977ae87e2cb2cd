package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another subject of the application already has this name. */
final class SubjectNameTaken extends ErrorResponseException {

  SubjectNameTaken(String name) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {name});
  }
}
