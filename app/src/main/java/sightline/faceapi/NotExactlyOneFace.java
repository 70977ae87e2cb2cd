package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A subject image must show exactly one face; this one shows none or several. */
final class NotExactlyOneFace extends ErrorResponseException {

  private final int faces;

  NotExactlyOneFace(int faces) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(faces), null, null, new Object[] {faces});
    this.faces = faces;
  }

  private static ProblemDetail problem(int faces) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    problem.setProperty("faces", faces);
    return problem;
  }

  int faces() {
    return faces;
  }
}
