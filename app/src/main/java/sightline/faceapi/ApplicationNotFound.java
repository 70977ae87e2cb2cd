package sightline.faceapi;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No face API application has this id. */
final class ApplicationNotFound extends ErrorResponseException {

  ApplicationNotFound(UUID application) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {application});
  }
}
