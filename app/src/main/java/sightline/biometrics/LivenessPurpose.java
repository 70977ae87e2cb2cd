package sightline.biometrics;

/**
 * What a liveness session is for. Anonymous callers may start only {@link #SIGN_IN} sessions (face sign-in happens
 * before anyone is signed in); the others need a signed-in caller.
 */
public enum LivenessPurpose {
  /** A person tries the liveness check on themselves (the {@code /liveness} page). */
  SELF_TEST,
  /** Face sign-in: proves a live person is in front of the camera before the face is matched. */
  SIGN_IN,
  /** Check-in to a class session. */
  CHECK_IN,
  /** Live enrolment of a face. */
  ENROLMENT
}
