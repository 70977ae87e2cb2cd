package sightline.identity.delivery;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** What was typed is neither an e-mail address nor an international phone number ({@code +} and country code). */
public final class NotAnEmailOrPhoneNumber extends ErrorResponseException {

  public NotAnEmailOrPhoneNumber() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null);
  }
}
