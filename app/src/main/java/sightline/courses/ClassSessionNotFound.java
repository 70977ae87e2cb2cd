package sightline.courses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** There is no such class session, or the caller may not see it. */
public final class ClassSessionNotFound extends ErrorResponseException {

  public ClassSessionNotFound(ClassSessionId session) {
    super(HttpStatus.NOT_FOUND, problem(session), null, null, new Object[] {session.value()});
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
