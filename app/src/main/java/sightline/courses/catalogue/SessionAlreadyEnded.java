package sightline.courses.catalogue;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.courses.ClassSessionId;

/** A session that has ended (by its time or by its teacher) cannot be opened again. */
public final class SessionAlreadyEnded extends ErrorResponseException {

  SessionAlreadyEnded(ClassSessionId session, Instant endedAt) {
    super(HttpStatus.CONFLICT, problem(session), null, null, new Object[] {endedAt});
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
