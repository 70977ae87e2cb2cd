package sightline.biometrics.liveness;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sightline.biometrics.Challenge;
import sightline.vision.liveness.MotionEvidence;
import sightline.vision.liveness.QualityProblem;

/**
 * The cues behind one liveness session's decision, recorded with it. Immutable.
 *
 * @param policyVersion   the policy version that decided
 * @param passiveScore    median fused passive score of the usable frames, in [0, 1] (0 when none was usable)
 * @param frLiveness      median {@code fr_liveness} live probability of the usable frames, in [0, 1]
 * @param miniFasNet      median MiniFASNet live probability (mean of V2 and V1SE) of the usable frames, in [0, 1]
 * @param threshold       the passive threshold the score was held to
 * @param motion          the motion cue over the whole session
 * @param segments        the motion cue per challenge (only challenges whose frames could be compared)
 * @param usableFrames    frames within the quality limits
 * @param qualityProblems quality problems seen, most frequent first
 */
public record SessionCues(int policyVersion, double passiveScore, double frLiveness, double miniFasNet,
    double threshold, MotionEvidence motion, Map<Challenge, MotionEvidence.Verdict> segments, int usableFrames,
    List<QualityProblem> qualityProblems) {

  public SessionCues {
    segments = Map.copyOf(segments);
    qualityProblems = List.copyOf(qualityProblems);
  }

  /** The per-challenge verdicts as stored: {@code TURN_LEFT:PLANAR,LOOK_UP:THREE_D}, in challenge order. */
  public String segmentsText() {
    return segments.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }
}
