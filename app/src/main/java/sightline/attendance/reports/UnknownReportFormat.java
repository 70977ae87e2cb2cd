package sightline.attendance.reports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A report was asked for in a format there is none of (csv, xlsx and pdf exist). */
final class UnknownReportFormat extends ErrorResponseException {

  UnknownReportFormat(String format) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {format});
  }
}
