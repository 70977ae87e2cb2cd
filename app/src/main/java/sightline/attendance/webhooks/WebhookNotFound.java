package sightline.attendance.webhooks;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No webhook (or no delivery of this webhook) has this id. */
final class WebhookNotFound extends ErrorResponseException {

  WebhookNotFound(UUID id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, null, new Object[] {id});
  }
}
