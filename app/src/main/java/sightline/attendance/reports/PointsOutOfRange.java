package sightline.attendance.reports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Points per status must each be 0..100, with at least one above 0. */
final class PointsOutOfRange extends ErrorResponseException {

  PointsOutOfRange() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null, null);
  }
}
