package sightline.faceapi;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The application has no subject with this id. */
final class SubjectNotFound extends ErrorResponseException {

  SubjectNotFound(UUID subject) {
    super(HttpStatus.NOT_FOUND, problem(subject), null, null, new Object[] {subject});
  }

  private static ProblemDetail problem(UUID subject) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    problem.setProperty("subject", subject);
    return problem;
  }
}
