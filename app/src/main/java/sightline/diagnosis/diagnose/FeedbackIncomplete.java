package sightline.diagnosis.diagnose;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Feedback said neither that the diagnosis was right nor what the picture shows instead. */
final class FeedbackIncomplete extends ErrorResponseException {

  FeedbackIncomplete() {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null, null);
  }
}
