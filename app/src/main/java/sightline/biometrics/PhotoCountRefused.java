package sightline.biometrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Between 1 and {@link FaceEnrolment#MAX_PHOTOS} photos may be enrolled at once. */
public final class PhotoCountRefused extends ErrorResponseException {

  public PhotoCountRefused(int given) {
    super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null,
        new Object[] {given, FaceEnrolment.MAX_PHOTOS});
  }
}
