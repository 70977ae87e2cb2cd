package sightline.engagement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.courses.ClassSessionId;

/** Engagement runs only in online class sessions (sessions without a place). */
public final class NotAnOnlineSession extends ErrorResponseException {

  public NotAnOnlineSession(ClassSessionId session) {
    super(HttpStatus.CONFLICT, problem(session), null, null, new Object[] {session.value()});
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
