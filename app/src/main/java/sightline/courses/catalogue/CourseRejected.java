package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A course's settings break a rule (an empty code, a grace period over four hours, ...); names the field. */
public final class CourseRejected extends ErrorResponseException {

  private final String field;

  CourseRejected(String field) {
    super(HttpStatus.BAD_REQUEST, problem(field), null, null, new Object[] {field});
    this.field = field;
  }

  /** The setting that is wrong: code, title, section, graceMinutes or warningPercent. */
  public String field() {
    return field;
  }

  private static ProblemDetail problem(String field) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("field", field);
    return problem;
  }
}
