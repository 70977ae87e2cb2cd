package sightline.vision.liveness;

/**
 * What the landmark motion of a session says about the thing in front of the camera, from
 * {@link MotionRule#evaluate}. Immutable.
 *
 * <p>Each frame is compared with the session's reference frame on the landmarks that do not change with expression
 * (jaw line, brows, nose, eye corners) in three ways: how much they changed beyond an in-plane move, turn and zoom
 * ({@code deformation}); how much of that a single homography cannot explain
 * (a photo or a screen is a plane, and a plane's image moves by one homography however it is tilted); and how much a
 * rigid 3-D head ({@link MeanFace} depths, the person's own face from the reference frame) cannot explain (a real
 * head can; a still photo warped to fake a turn, inner face moved against the outline, cannot). The two shares are
 * medians over the frames that moved enough; residuals are divided by the deformation, so they are fractions of the
 * change seen.
 *
 * @param verdict       the conclusion under the rule's thresholds
 * @param frames        frames given, the reference included
 * @param movingFrames  frames whose deformation reached the rule's minimum
 * @param deformation   the largest deformation seen, as a fraction of the face's size (root mean square radius)
 * @param nonPlanarity  median share of the deformation a homography leaves unexplained, in [0, 1] (NaN when fewer
 *                      than two frames moved): near 0 for a plane, about 0.6–0.95 for a real head
 * @param nonRigidity   median share a rigid head leaves unexplained (NaN when fewer than two frames moved): about
 *                      0.05–0.1 for exact rigid motion, 0.3–0.7 for real landmarks of a real head
 */
public record MotionEvidence(Verdict verdict, int frames, int movingFrames, double deformation, double nonPlanarity,
    double nonRigidity) {

  /** The motion cue's conclusion. */
  public enum Verdict {
    /** The face moved like a rigid 3-D head and not like a plane. */
    THREE_D,
    /** The face moved, and one homography explains it: a photo or a screen moved or tilted as a whole. */
    PLANAR,
    /** The face moved in a way neither a plane nor a rigid head explains: a warped photo, or landmarks gone wrong. */
    NOT_RIGID,
    /** Too little movement beyond in-plane moves to tell (a person holding still, or a photo held still). */
    TOO_LITTLE_MOTION
  }

  /** True when the motion is evidence of an attack (planar or non-rigid), not merely missing. */
  public boolean refuses() {
    return verdict == Verdict.PLANAR || verdict == Verdict.NOT_RIGID;
  }
}
