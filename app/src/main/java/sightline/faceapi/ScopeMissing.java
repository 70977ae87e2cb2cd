package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API key is valid but lacks the scope this endpoint needs. */
final class ScopeMissing extends ErrorResponseException {

  ScopeMissing(String scope) {
    super(HttpStatus.FORBIDDEN, problem(scope), null, null, new Object[] {scope});
  }

  private static ProblemDetail problem(String scope) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
    problem.setProperty("requiredScope", scope);
    return problem;
  }
}
