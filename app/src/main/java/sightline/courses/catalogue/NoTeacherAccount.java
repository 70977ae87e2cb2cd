package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No account with this e-mail address is a teacher's, so it cannot co-teach. */
public final class NoTeacherAccount extends ErrorResponseException {

  NoTeacherAccount(String email) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {email});
  }
}
