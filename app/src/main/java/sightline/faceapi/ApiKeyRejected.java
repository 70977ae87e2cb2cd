package sightline.faceapi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request has no {@code X-Api-Key} header, or its key is unknown, revoked or belongs to a disabled application. Which of these is not said. */
final class ApiKeyRejected extends ErrorResponseException {

  ApiKeyRejected() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
    getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"X-Api-Key\"");
  }
}
