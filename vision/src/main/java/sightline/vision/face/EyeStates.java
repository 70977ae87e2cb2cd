package sightline.vision.face;

/**
 * Whether the eyes are closed, from {@code fr_eye} run on each eye (24x24 grey crops around the landmarks).
 * "Left" is the eye on the image's left. The model's class 0 is read as "closed": that is what it looked like on
 * our samples; it has not yet been evaluated on a labelled set. Immutable.
 *
 * @param leftClosedProbability  probability in [0, 1] that the eye on the image's left is closed
 * @param rightClosedProbability probability in [0, 1] that the eye on the image's right is closed
 */
public record EyeStates(double leftClosedProbability, double rightClosedProbability) {

  public boolean leftClosed() {
    return leftClosedProbability > 0.5;
  }

  public boolean rightClosed() {
    return rightClosedProbability > 0.5;
  }

  /** Both eyes closed (a blink, or asleep). */
  public boolean bothClosed() {
    return leftClosed() && rightClosed();
  }
}
