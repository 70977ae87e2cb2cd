package sightline.faceapi;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The subject has no image with this id. */
final class SubjectImageNotFound extends ErrorResponseException {

  SubjectImageNotFound(UUID image) {
    super(HttpStatus.NOT_FOUND, problem(image), null, null, new Object[] {image});
  }

  private static ProblemDetail problem(UUID image) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    problem.setProperty("imageId", image);
    return problem;
  }
}
