package sightline.attendance.staff;

/**
 * What became of one staff check-in attempt; every attempt is recorded with one. The refusals are in the order the
 * check-in tests them: place, then the day's record, then the face. Stored by name: add values, never rename.
 */
public enum StaffOutcome {
  ACCEPTED,
  /** No administrator has set the school's place yet. */
  PLACE_NOT_SET,
  LOCATION_MISSING,
  /** The browser's position is less accurate than the place's radius: inside or outside cannot be told. */
  LOCATION_TOO_INACCURATE,
  OUTSIDE_PLACE,
  ALREADY_CHECKED_IN,
  TOO_MANY_ATTEMPTS,
  LIVENESS_FAILED,
  FACE_NOT_ENROLLED,
  FACE_NOT_MATCHED;

  public boolean accepted() {
    return this == ACCEPTED;
  }
}
