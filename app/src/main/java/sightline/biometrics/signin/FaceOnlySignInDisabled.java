package sightline.biometrics.signin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Face sign-in without an e-mail address, while an administrator has not allowed face-only sign-in. */
final class FaceOnlySignInDisabled extends ErrorResponseException {

  FaceOnlySignInDisabled() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null);
  }
}
