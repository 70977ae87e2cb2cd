package sightline.attendance.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A staff report was asked for with its end before its start, or for more than {@value #MAX_DAYS} days. */
final class StaffReportRangeInvalid extends ErrorResponseException {

  static final int MAX_DAYS = 92;

  StaffReportRangeInvalid() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null,
        new Object[] {MAX_DAYS});
  }
}
