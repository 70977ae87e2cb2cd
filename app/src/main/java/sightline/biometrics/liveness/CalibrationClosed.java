package sightline.biometrics.liveness;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The calibration is unknown, was accepted already, was set aside by a newer one, or has too few judged sessions to
 * propose a threshold.
 */
public final class CalibrationClosed extends ErrorResponseException {

  CalibrationClosed(UUID calibration) {
    super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null,
        new Object[] {LivenessCalibrations.MIN_SESSIONS});
    getBody().setProperty("calibration", calibration.toString());
  }
}
