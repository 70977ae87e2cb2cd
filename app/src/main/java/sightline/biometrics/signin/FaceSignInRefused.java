package sightline.biometrics.signin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A face sign-in that did not sign anyone in. One answer for every reason (unknown e-mail, not enrolled, another
 * face, liveness failed, account locked), so that it tells nothing about accounts; the history keeps the reason.
 */
final class FaceSignInRefused extends ErrorResponseException {

  FaceSignInRefused() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
  }
}
