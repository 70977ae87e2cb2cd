package sightline.diagnosis;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller has no diagnosis with this id (it never existed, was deleted, or is someone else's). */
public final class DiagnosisNotFound extends ErrorResponseException {

  public DiagnosisNotFound(DiagnosisId diagnosis) {
    super(HttpStatus.NOT_FOUND, problem(diagnosis), null, null, new Object[] {diagnosis.value()});
  }

  private static ProblemDetail problem(DiagnosisId diagnosis) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    problem.setProperty("diagnosisId", diagnosis.value());
    return problem;
  }
}
