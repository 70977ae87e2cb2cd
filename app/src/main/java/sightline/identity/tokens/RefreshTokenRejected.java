package sightline.identity.tokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The refresh token is unknown, expired, revoked, already used, or its account may no longer sign in. One answer
 * for all of them; the client has to sign in again.
 */
public final class RefreshTokenRejected extends ErrorResponseException {

  RefreshTokenRejected() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED), null);
  }
}
