package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request carries no image: neither a multipart part of the expected name nor an image/jpeg or image/png body. */
final class ImageMissing extends ErrorResponseException {

  ImageMissing(String part) {
    super(HttpStatus.BAD_REQUEST, problem(part), null, null, new Object[] {part});
  }

  private static ProblemDetail problem(String part) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("part", part);
    return problem;
  }
}
