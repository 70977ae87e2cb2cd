package sightline.vision.liveness;

import java.util.Arrays;

/**
 * Proposes thresholds from measured scores, for a site calibration (a few staff sessions on the site's own
 * cameras) and for {@code eval liveness}. Pure functions.
 */
public final class LivenessCalibration {

  private LivenessCalibration() {
  }

  /**
   * The highest threshold at which at most {@code maxBpcer} of the bona fide scores fall below it (are refused): the
   * {@code floor(maxBpcer · n)}-th lowest score, 0-based. NaN scores (sessions that produced no score) always count
   * as refused; when they alone exceed the budget, the lowest real score is returned and the budget cannot be met.
   *
   * @param bonaFideScores passive scores in [0, 1] of live sessions (or NaN)
   * @param maxBpcer       the share of live sessions that may be refused, in [0, 1)
   * @throws IllegalArgumentException when there are no scores or {@code maxBpcer} is outside [0, 1)
   */
  public static double thresholdForBpcer(double[] bonaFideScores, double maxBpcer) {
    if (!(maxBpcer >= 0 && maxBpcer < 1)) {
      throw new IllegalArgumentException("maxBpcer must be in [0, 1), was " + maxBpcer);
    }
    if (bonaFideScores.length == 0) throw new IllegalArgumentException("no bona fide scores");
    int allowed = (int) Math.floor(maxBpcer * bonaFideScores.length + 1e-9);
    double[] real = Arrays.stream(bonaFideScores).filter(s -> !Double.isNaN(s)).sorted().toArray();
    if (real.length == 0) return 0;
    int index = allowed - (bonaFideScores.length - real.length);
    return real[Math.clamp(index, 0, real.length - 1)];
  }

  /** The share of scores below {@code threshold} (NaN counts as below). */
  public static double shareBelow(double[] scores, double threshold) {
    if (scores.length == 0) return Double.NaN;
    long below = Arrays.stream(scores).filter(s -> Double.isNaN(s) || s < threshold).count();
    return (double) below / scores.length;
  }
}
