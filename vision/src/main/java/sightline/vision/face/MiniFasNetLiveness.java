package sightline.vision.face;

/**
 * Passive (single-frame) liveness from MiniFASNet V2 and V1SE (Silent-Face-Anti-Spoofing, Apache-2.0), two small
 * networks that look at the face in different framings: V2 at 2.7 times the detector box, V1SE at 4.0 times, so
 * V1SE sees more of a screen's or a print's edges. Immutable and thread-safe.
 *
 * <p>Scores only, no verdict: a threshold for one model alone means little across cameras, so the two scores are
 * combined with {@code fr_liveness} by a fitted rule (see {@code sightline.vision.liveness.PassiveLivenessRule}).
 *
 * @param v2LiveScore   MiniFASNet V2's probability of the live class, in [0, 1]
 * @param v1seLiveScore MiniFASNet V1SE's probability of the live class, in [0, 1]
 */
public record MiniFasNetLiveness(double v2LiveScore, double v1seLiveScore) {

  public MiniFasNetLiveness {
    if (!(v2LiveScore >= 0 && v2LiveScore <= 1)) {
      throw new IllegalArgumentException("v2LiveScore must be in [0, 1], was " + v2LiveScore);
    }
    if (!(v1seLiveScore >= 0 && v1seLiveScore <= 1)) {
      throw new IllegalArgumentException("v1seLiveScore must be in [0, 1], was " + v1seLiveScore);
    }
  }

  /** The two models' mean live probability, upstream's combination (it adds the two softmax vectors). */
  public double liveScore() {
    return (v2LiveScore + v1seLiveScore) / 2;
  }
}
