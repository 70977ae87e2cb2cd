package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Consent was given to a consent text version that is not the current one. */
public final class ConsentOutdated extends ErrorResponseException {

  public ConsentOutdated(String given, String current) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null,
        new Object[] {given, current});
    getBody().setProperty("consentVersion", current);
  }
}
