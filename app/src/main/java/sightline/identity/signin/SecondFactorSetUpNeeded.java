package sightline.identity.signin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The password was right, but the account's role requires a second factor and it has none yet: its owner must set
 * one up by signing in once in the browser. No token is issued until then.
 */
public final class SecondFactorSetUpNeeded extends ErrorResponseException {

  SecondFactorSetUpNeeded() {
    super(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null);
  }
}
