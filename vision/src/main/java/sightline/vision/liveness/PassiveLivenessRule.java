package sightline.vision.liveness;

import java.util.Objects;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.Liveness;
import sightline.vision.face.MiniFasNetLiveness;

/**
 * How the single-frame liveness models are combined, and the session thresholds on the result. A logistic model on
 * the three models' log-odds:
 * {@code score = σ(bias + w1·logit(fr_liveness) + w2·logit(MiniFASNet V2) + w3·logit(MiniFASNet V1SE))}, each log-odds
 * clamped to ±10 so that a saturated model cannot outvote the others alone. A session's passive score is the median
 * of its frames' scores. Immutable and thread-safe; the shipped numbers come from {@code eval liveness --fit}, and a
 * site's calibration replaces the thresholds (or all of it).
 *
 * @param bias                  the logistic model's intercept
 * @param frLivenessWeight      weight of {@code fr_liveness}'s log-odds
 * @param miniFasNetV2Weight    weight of MiniFASNet V2's log-odds
 * @param miniFasNetV1seWeight  weight of MiniFASNet V1SE's log-odds
 * @param threshold             a session (or a single frame) is live when its score reaches this, in [0, 1]
 * @param thresholdWithMotion   the same when the session's motion showed a rigid 3-D head turning
 *                              ({@link MotionEvidence.Verdict#THREE_D}), in [0, 1] and at most {@code threshold}: a
 *                              print or a photo cannot show that, so the passive models then only need to stop
 *                              screens replaying a real person
 */
public record PassiveLivenessRule(double bias, double frLivenessWeight, double miniFasNetV2Weight,
    double miniFasNetV1seWeight, double threshold, double thresholdWithMotion) {

  /** Log-odds are clamped to this magnitude (probabilities 4.5e-5 and 1 − 4.5e-5). */
  static final double MAX_LOG_ODDS = 10;

  public PassiveLivenessRule {
    for (double v : new double[] {bias, frLivenessWeight, miniFasNetV2Weight, miniFasNetV1seWeight}) {
      if (!Double.isFinite(v)) throw new IllegalArgumentException("weights must be finite");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    if (!(thresholdWithMotion >= 0 && thresholdWithMotion <= threshold)) {
      throw new IllegalArgumentException("thresholdWithMotion must be in [0, threshold], was " + thresholdWithMotion);
    }
  }

  /** The shipped rule; see vision/README.md ("Liveness: fusion") for how it was fitted and what it measures. */
  public static PassiveLivenessRule defaults() {
    return new PassiveLivenessRule(-0.252, 0.611, -0.062, 0.354, 0.739, 0.739);
  }

  /** The same weights with other thresholds (what a site calibration changes). */
  public PassiveLivenessRule withThresholds(double threshold, double thresholdWithMotion) {
    return new PassiveLivenessRule(bias, frLivenessWeight, miniFasNetV2Weight, miniFasNetV1seWeight, threshold,
        thresholdWithMotion);
  }

  /** The fused live score in [0, 1] of three live probabilities. */
  public double score(double frLivenessScore, double miniFasNetV2Score, double miniFasNetV1seScore) {
    double z = bias + frLivenessWeight * logOdds(frLivenessScore) + miniFasNetV2Weight * logOdds(miniFasNetV2Score)
        + miniFasNetV1seWeight * logOdds(miniFasNetV1seScore);
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The fused live score of a face analysed with {@code LIVENESS} and {@code MINIFASNET}.
   *
   * @throws IllegalArgumentException when either was not computed
   */
  public double score(DetectedFace face) {
    Liveness fr = face.liveness();
    MiniFasNetLiveness miniFasNet = face.miniFasNet();
    if (fr == null || miniFasNet == null) {
      throw new IllegalArgumentException("the face needs FaceAttribute.LIVENESS and FaceAttribute.MINIFASNET");
    }
    return score(fr.liveScore(), miniFasNet.v2LiveScore(), miniFasNet.v1seLiveScore());
  }

  /** The threshold a session's passive score must reach, given what its motion showed. */
  public double thresholdFor(MotionEvidence.Verdict motion) {
    return Objects.requireNonNull(motion) == MotionEvidence.Verdict.THREE_D ? thresholdWithMotion : threshold;
  }

  /** {@code log(p / (1 − p))} of a probability, clamped to ±{@value #MAX_LOG_ODDS}: the fusion's input scale. */
  public static double logOdds(double p) {
    if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("a probability must be in [0, 1], was " + p);
    double q = Math.clamp(p, 1e-12, 1 - 1e-12);
    return Math.clamp(Math.log(q / (1 - q)), -MAX_LOG_ODDS, MAX_LOG_ODDS);
  }
}
