package sightline.engagement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.courses.ClassSessionId;

/**
 * The caller is neither enrolled in the session's course (to join) nor teaching it (to watch the dashboard and read
 * the report). Answered as 403 without saying which.
 */
public final class NotInCourse extends ErrorResponseException {

  public NotInCourse(ClassSessionId session) {
    super(HttpStatus.FORBIDDEN, problem(session), null, null, new Object[] {session.value()});
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
