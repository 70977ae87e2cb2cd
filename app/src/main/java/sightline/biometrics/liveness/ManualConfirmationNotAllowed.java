package sightline.biometrics.liveness;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The liveness policy in force does not allow a manual confirmation in place of a failed check. */
public final class ManualConfirmationNotAllowed extends ErrorResponseException {

  ManualConfirmationNotAllowed(int policyVersion) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null,
        new Object[] {policyVersion});
    getBody().setProperty("policyVersion", policyVersion);
  }
}
