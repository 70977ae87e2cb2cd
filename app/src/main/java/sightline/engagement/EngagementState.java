package sightline.engagement;

/**
 * What the server concluded about one camera frame of a student in an online class. Present means a face is in
 * view: every state but {@link #ABSENT}. Engagement is attentive time over present time.
 */
public enum EngagementState {
  /** One face, turned to the screen, eyes open. */
  ATTENTIVE,
  /** The head points away from the screen. */
  LOOKING_AWAY,
  /** Eyes closed for less than two seconds so far (a blink, or the start of a nap). */
  EYES_CLOSED,
  /** Eyes closed for two seconds or more. */
  DROWSY,
  /** No face in view. */
  ABSENT,
  /** Two or more faces in view. */
  SOMEONE_ELSE;

  /** Whether a face is in view. */
  public boolean isPresent() {
    return this != ABSENT;
  }
}
