package sightline.attendance.webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A webhook URL that is not an absolute http or https URL with a host, or that points at a link-local address (the
 * cloud metadata service lives there): the server would otherwise send signed requests wherever it is told.
 */
final class WebhookUrlRefused extends ErrorResponseException {

  WebhookUrlRefused(String url) {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null, new Object[] {url});
  }
}
