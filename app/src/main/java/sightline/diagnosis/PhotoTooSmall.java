package sightline.diagnosis;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The picture is too small to show a leaf's symptoms. */
public final class PhotoTooSmall extends ErrorResponseException {

  public PhotoTooSmall(int width, int height, int minSidePx) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(minSidePx), null, null, new Object[] {width, height, minSidePx});
  }

  private static ProblemDetail problem(int minSidePx) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    problem.setProperty("minSidePx", minSidePx);
    return problem;
  }
}
