package sightline.biometrics.enrolment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No account has this id (same problem type as identity's account-not-found). */
final class PersonNotFound extends ErrorResponseException {

  PersonNotFound(UUID id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {id});
  }
}
