package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Only the course's owner (or an administrator) deletes it or changes who co-teaches it. */
public final class NotCourseOwner extends ErrorResponseException {

  NotCourseOwner() {
    super(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null, null, null);
  }
}
