package sightline.courses.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A planned session breaks a rule (it ends before it starts, its series runs over a year, ...); names the field. */
public final class SessionRejected extends ErrorResponseException {

  private final String field;

  public SessionRejected(String field) {
    super(HttpStatus.BAD_REQUEST, problem(field), null, null, new Object[] {field});
    this.field = field;
  }

  /** What is wrong: title, room, endsAt (not after the start, or too long) or until (before the start, too far). */
  public String field() {
    return field;
  }

  private static ProblemDetail problem(String field) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("field", field);
    return problem;
  }
}
