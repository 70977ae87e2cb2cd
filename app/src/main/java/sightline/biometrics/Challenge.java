package sightline.biometrics;

/**
 * One thing a person is asked to do in front of the camera during a liveness session. Directions are the person's
 * own: {@link #TURN_LEFT} is a turn towards their left shoulder (in the unmirrored camera picture their nose moves
 * to the picture's right).
 */
public enum Challenge {
  /** Eyes open, closed, open again. */
  BLINK,
  /** Turn the head to one's left (yaw change of at least the configured degrees). */
  TURN_LEFT,
  /** Turn the head to one's right. */
  TURN_RIGHT,
  /** Tilt the head back (pitch change of at least the configured degrees). */
  LOOK_UP,
  /** Move towards the camera: the estimated distance falls by at least the configured fraction. */
  COME_CLOSER
}
