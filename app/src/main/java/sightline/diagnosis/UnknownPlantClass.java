package sightline.diagnosis;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Feedback named a class that the model which made the diagnosis does not know. */
public final class UnknownPlantClass extends ErrorResponseException {

  public UnknownPlantClass(String label, List<String> labels) {
    super(HttpStatus.BAD_REQUEST, problem(labels), null, null, new Object[] {label});
  }

  private static ProblemDetail problem(List<String> labels) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("labels", List.copyOf(labels));   // the classes a client may choose from
    return problem;
  }
}
