package sightline.faceapi;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The {@code plugins} parameter names a plugin the face API does not have. */
final class UnknownPlugin extends ErrorResponseException {

  UnknownPlugin(String plugin) {
    super(HttpStatus.BAD_REQUEST, problem(plugin), null, null, new Object[] {plugin});
  }

  private static ProblemDetail problem(String plugin) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setProperty("plugin", plugin);
    return problem;
  }
}
