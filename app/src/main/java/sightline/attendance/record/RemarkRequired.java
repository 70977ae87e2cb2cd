package sightline.attendance.record;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A teacher's mark or correction needs a remark that says why. */
public final class RemarkRequired extends ErrorResponseException {

  public RemarkRequired() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null);
  }
}
