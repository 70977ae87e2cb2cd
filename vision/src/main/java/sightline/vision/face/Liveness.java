package sightline.vision.face;

/**
 * Passive (single-frame) liveness from {@code fr_liveness}, a Silent-Face-Anti-Spoofing style model. Immutable.
 *
 * <p>What the outputs mean was established on MSU-MFSD first frames (35 live, 105 attacks): with BGR input, class 0
 * is "live" (mean probability 0.95 on live faces, 34 of 35 argmax) and class 1 "spoof" (prints and replays); class 2
 * stays near 0. The package's JavaScript feeds RGB, which separates the classes poorly. {@link #DEFAULT_THRESHOLD}
 * was chosen on the dataset's train split (15 subjects: BPCER 0%, APCER 0% print, 0% iPad, 7% iPhone); on its test
 * split (20 subjects) {@link FaceAnalyzer} gave BPCER 10% (2/20), APCER 30% print (6/20), 0% iPad replay (0/20),
 * 20% iPhone replay (4/20). That is far from the 5%/5% target: treat the verdict as one signal, not as proof.
 *
 * @param liveScore probability in [0, 1] that the face is live
 * @param verdict   {@link LivenessVerdict#LIVE} when {@code liveScore >= DEFAULT_THRESHOLD}
 */
public record Liveness(double liveScore, LivenessVerdict verdict) {

  /** Live-score threshold chosen on the MSU-MFSD train split (lowest ACER there), 2026-11-22. */
  public static final double DEFAULT_THRESHOLD = 0.9;

  /** The verdict for a live score at the default threshold. */
  public static Liveness of(double liveScore) {
    return new Liveness(liveScore, verdictAt(liveScore, DEFAULT_THRESHOLD));
  }

  /** The verdict at another threshold in [0, 1]: higher rejects more attacks and more live people. */
  public LivenessVerdict verdictAt(double threshold) {
    return verdictAt(liveScore, threshold);
  }

  private static LivenessVerdict verdictAt(double score, double threshold) {
    return score >= threshold ? LivenessVerdict.LIVE : LivenessVerdict.SPOOF;
  }
}
