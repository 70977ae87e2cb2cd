package sightline.attendance.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.attendance.CheckInId;

/** There is no such attendance record, or the caller may not see it. */
public final class CheckInNotFound extends ErrorResponseException {

  public CheckInNotFound(CheckInId checkIn) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null,
        new Object[] {checkIn.value()});
  }
}
