package sightline.attendance;

/**
 * What became of one check-in attempt; every attempt is recorded with one of these. The refusals are in the order
 * the check-in pipeline tests them.
 */
public enum AttemptOutcome {
  ACCEPTED,
  NOT_A_STUDENT,
  NOT_ENROLLED,
  SESSION_NOT_OPEN,
  LOCATION_MISSING,
  LOCATION_TOO_INACCURATE,
  OUTSIDE_PLACE,
  ALREADY_CHECKED_IN,
  QR_CODE_INVALID,
  TOO_MANY_ATTEMPTS,
  LIVENESS_FAILED,
  FACE_NOT_ENROLLED,
  FACE_NOT_MATCHED,
  /** Kiosk: the face is nobody on the course's roster. */
  UNKNOWN_FACE,
  /** Kiosk: two students on the roster match about equally. */
  AMBIGUOUS_FACE;

  public boolean accepted() {
    return this == ACCEPTED;
  }
}
