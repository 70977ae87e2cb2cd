package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The teacher already has a course with this code and section. */
public final class CourseAlreadyExists extends ErrorResponseException {

  CourseAlreadyExists(String code, String section) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {code, section});
  }
}
