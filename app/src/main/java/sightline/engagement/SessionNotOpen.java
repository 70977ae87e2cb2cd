package sightline.engagement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.courses.ClassSessionId;

/** Students join a session's engagement only while the session is open. */
public final class SessionNotOpen extends ErrorResponseException {

  public SessionNotOpen(ClassSessionId session) {
    super(HttpStatus.CONFLICT, problem(session), null, null, new Object[] {session.value()});
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
