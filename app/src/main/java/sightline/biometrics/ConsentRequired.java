package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Enrolment needs the person's consent to the current consent text ({@code version}) first. */
public final class ConsentRequired extends ErrorResponseException {

  public ConsentRequired(String version) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {version});
    getBody().setProperty("consentVersion", version);
  }
}
