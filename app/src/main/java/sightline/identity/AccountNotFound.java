package sightline.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No account has this id. */
public final class AccountNotFound extends ErrorResponseException {

  public AccountNotFound(AccountId id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {id});
  }
}
