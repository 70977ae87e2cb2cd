package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No course has the join code a student typed. */
public final class JoinCodeUnknown extends ErrorResponseException {

  JoinCodeUnknown(String joinCode) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {joinCode});
  }
}
