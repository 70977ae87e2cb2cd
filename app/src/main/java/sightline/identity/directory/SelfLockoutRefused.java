package sightline.identity.directory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An administrator tried to disable their own account or drop their own ADMIN role. */
public final class SelfLockoutRefused extends ErrorResponseException {

  SelfLockoutRefused() {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, null);
  }
}
