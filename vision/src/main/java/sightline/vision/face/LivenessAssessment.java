package sightline.vision.face;

/**
 * The passive liveness verdict for one face, from a single frame ({@code fr_liveness}). Immutable and thread-safe.
 *
 * <p>The score is the model's softmax probability of its class 0, which is the live class: on MSU-MFSD first
 * frames live faces average 0.95 and prints and screen replays 0.2–0.4, their mass going to class 1. Class 2 keeps
 * under 1% everywhere we looked and is not used. A single frame cannot see motion, so high-quality replays that
 * fill the frame pass more often than prints held in a hand; see {@code eval liveness} for measured error rates.
 *
 * @param verdict   {@link LivenessVerdict#LIVE} exactly when {@code score >= threshold}
 * @param score     probability in [0, 1] that the face is live
 * @param threshold the live-score threshold the verdict was taken at, in [0, 1]
 */
public record LivenessAssessment(LivenessVerdict verdict, double score, double threshold) {

  public LivenessAssessment {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + score);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    if (verdict != verdictOf(score, threshold)) {
      throw new IllegalArgumentException("verdict " + verdict + " contradicts score " + score + " at threshold " + threshold);
    }
  }

  /** The verdict for {@code score} at {@code threshold}: live when the score reaches the threshold. */
  public static LivenessAssessment of(double score, double threshold) {
    return new LivenessAssessment(verdictOf(score, threshold), score, threshold);
  }

  private static LivenessVerdict verdictOf(double score, double threshold) {
    return score >= threshold ? LivenessVerdict.LIVE : LivenessVerdict.SPOOF;
  }

  public boolean isLive() {
    return verdict == LivenessVerdict.LIVE;
  }
}
