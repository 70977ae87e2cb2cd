package sightline.attendance.kiosk;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import sightline.courses.ClassSessionId;

/** The kiosk cannot start a check-in: the class session is not open now (not started, ended or closed). */
final class KioskSessionNotOpen extends ErrorResponseException {

  KioskSessionNotOpen(ClassSessionId session) {
    super(HttpStatus.CONFLICT, problem(session), null, null, null);
  }

  private static ProblemDetail problem(ClassSessionId session) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    problem.setProperty("sessionId", session.value());
    return problem;
  }
}
