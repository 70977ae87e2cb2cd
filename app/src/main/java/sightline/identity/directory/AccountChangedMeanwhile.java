package sightline.identity.directory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An administrator's change met other changes to the same account (its owner signing in, another administrator)
 * several times in a row and was not applied; reloading shows the account as it is now.
 */
public final class AccountChangedMeanwhile extends ErrorResponseException {

  AccountChangedMeanwhile() {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, null);
  }
}
