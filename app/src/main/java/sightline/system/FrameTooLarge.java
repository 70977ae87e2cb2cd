package sightline.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A camera frame larger than {@link ImageUse#FRAME} allows, in bytes, pixels or side length. */
public final class FrameTooLarge extends ErrorResponseException {

  FrameTooLarge(ImageInput.Limits limits) {
    super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE), null, null,
        new Object[] {limits.maxBytes() / 1000, limits.maxSidePx()});
    getBody().setProperty("maxBytes", limits.maxBytes());
    getBody().setProperty("maxSidePx", limits.maxSidePx());
  }
}
