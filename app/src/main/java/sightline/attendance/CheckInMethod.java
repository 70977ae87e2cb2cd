package sightline.attendance;

/** How an attendance record came to be. */
public enum CheckInMethod {
  /** The student checked in on their own device (face, liveness and place checked). */
  SELF,
  /** The student was identified by the classroom kiosk among the course's roster. */
  KIOSK,
  /** A teacher marked it by hand, with a remark. */
  MANUAL,
  /** Marked absent when the session ended without a record. */
  AUTOMATIC
}
