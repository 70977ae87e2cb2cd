package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No account with this e-mail address is a student's, so it cannot be enrolled. */
public final class NoStudentAccount extends ErrorResponseException {

  NoStudentAccount(String email) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {email});
  }
}
