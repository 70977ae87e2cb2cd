package sightline.vision.face;

/**
 * Passive (single-frame) liveness from {@code fr_liveness}, a Silent-Face-Anti-Spoofing style model. Immutable and
 * thread-safe.
 *
 * <p>What the outputs mean was established on MSU-MFSD first frames (35 live, 105 attacks): with BGR input, class 0
 * is "live" (mean probability 0.95 on live faces, 34 of 35 argmax) and class 1 "spoof" (prints and replays); class 2
 * stays near 0. The package's JavaScript feeds RGB, which separates the classes poorly. A single frame cannot see
 * motion, so high-quality screen replays that fill the frame pass more often than prints held in a hand: see
 * {@code eval liveness} and {@link #DEFAULT_THRESHOLD} for measured error rates.
 *
 * @param liveScore probability in [0, 1] that the face is live
 * @param verdict   {@link LivenessVerdict#LIVE} exactly when {@code liveScore >= threshold}
 * @param threshold the live-score threshold the verdict was taken at, in [0, 1]
 */
public record Liveness(double liveScore, LivenessVerdict verdict, double threshold) {

  /**
   * Default live-score threshold, 0.9: the lowest ACER on the MSU-MFSD train split (15 subjects: BPCER 0%, APCER 0%
   * print, 0% iPad replay, 7% iPhone replay), 2026-11-22. On the test split (20 subjects) it gave BPCER 10% (2/20),
   * APCER 30% print (6/20), 0% iPad (0/20), 20% iPhone (4/20); on all 140 images BPCER 5.7% (2/35), APCER 17.1%
   * print (6/35), 0% iPad (0/35), 14.3% iPhone (5/35). That is far from the 5%/5% aim: treat the verdict as one
   * signal, not as proof. Laptop-webcam video frames score much lower than phone photos (most live webcam frames
   * fall below it), so calibrate on your own cameras with {@code eval liveness}.
   */
  public static final double DEFAULT_THRESHOLD = 0.9;

  public Liveness {
    if (!(liveScore >= 0 && liveScore <= 1)) {
      throw new IllegalArgumentException("liveScore must be in [0, 1], was " + liveScore);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    if (verdict != verdictAt(liveScore, threshold)) {
      throw new IllegalArgumentException("verdict " + verdict + " contradicts live score " + liveScore
          + " at threshold " + threshold);
    }
  }

  /** The verdict for a live score at the default threshold. */
  public static Liveness of(double liveScore) {
    return of(liveScore, DEFAULT_THRESHOLD);
  }

  /** The verdict for a live score at {@code threshold} in [0, 1]. */
  public static Liveness of(double liveScore, double threshold) {
    return new Liveness(liveScore, verdictAt(liveScore, threshold), threshold);
  }

  /** The verdict at another threshold in [0, 1]: higher rejects more attacks and more live people. */
  public LivenessVerdict verdictAt(double threshold) {
    return verdictAt(liveScore, threshold);
  }

  public boolean isLive() {
    return verdict == LivenessVerdict.LIVE;
  }

  private static LivenessVerdict verdictAt(double score, double threshold) {
    return score >= threshold ? LivenessVerdict.LIVE : LivenessVerdict.SPOOF;
  }
}
