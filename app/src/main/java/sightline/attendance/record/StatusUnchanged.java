package sightline.attendance.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;

/** A correction must change the status; a record is never rewritten to what it already says. */
public final class StatusUnchanged extends ErrorResponseException {

  public StatusUnchanged(CheckInId checkIn, AttendanceStatus status) {
    super(HttpStatus.CONFLICT, problem(checkIn), null, null, new Object[] {status});
  }

  private static ProblemDetail problem(CheckInId checkIn) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    problem.setProperty("checkInId", checkIn.value());
    return problem;
  }
}
