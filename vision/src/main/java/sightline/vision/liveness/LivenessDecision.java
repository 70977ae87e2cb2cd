package sightline.vision.liveness;

import java.util.List;

/**
 * A session's liveness decision, from {@link LivenessPolicy#judgeSession}, with every cue behind it so that the
 * decision can be recorded and explained. Immutable.
 *
 * @param verdict         the decision
 * @param reasons         why it is not {@link Verdict#LIVE}; empty when it is
 * @param passiveScore    median fused score of the usable frames, in [0, 1] (NaN when none was usable)
 * @param threshold       the threshold the passive score was held to (lower when the motion showed a 3-D head)
 * @param motion          what the landmark motion of the usable frames showed
 * @param frames          frames judged
 * @param usableFrames    frames within the quality limits
 * @param qualityProblems the quality problems seen, most frequent first (empty when every frame was usable)
 */
public record LivenessDecision(Verdict verdict, List<Reason> reasons, double passiveScore, double threshold,
    MotionEvidence motion, int frames, int usableFrames, List<QualityProblem> qualityProblems) {

  /** What a session concluded. */
  public enum Verdict {
    LIVE,
    /** Evidence of a presentation attack: see the reasons. */
    SPOOF,
    /** No conclusion: too few usable frames, or the policy wants head motion and saw none. Ask again, with advice. */
    RETRY
  }

  /** Why a session is not live. */
  public enum Reason {
    /** The passive models' median score is below the threshold. */
    PASSIVE_SCORE_LOW,
    /** The face moved as one plane: a photo or a screen. */
    PLANAR_MOTION,
    /** The face moved as no rigid head can: a warped photo. */
    NOT_RIGID_MOTION,
    /** The policy requires head movement and there was too little (RETRY). */
    NO_HEAD_MOTION,
    /** Too few frames within the quality limits (RETRY); {@link LivenessDecision#qualityProblems()} says why. */
    INSUFFICIENT_QUALITY
  }

  public LivenessDecision {
    reasons = List.copyOf(reasons);
    qualityProblems = List.copyOf(qualityProblems);
    if ((verdict == Verdict.LIVE) != reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must be given exactly when the verdict is not LIVE");
    }
  }

  public boolean live() {
    return verdict == Verdict.LIVE;
  }
}
