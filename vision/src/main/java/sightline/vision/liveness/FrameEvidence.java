package sightline.vision.liveness;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.vision.face.FaceLandmarks;

/**
 * What one frame of a liveness session says, from {@link LivenessPolicy#judgeFrame}: the per-frame answer a client
 * can show at once ("too dark" rather than "not live"), and what the session decision needs later. Immutable.
 *
 * @param verdict            live or spoof by the single-frame threshold, or not judged for quality
 * @param problems           the quality problems, in the order a person should act on them; empty unless
 *                           {@code verdict} is {@link Verdict#INSUFFICIENT_QUALITY}
 * @param score              the fused live score in [0, 1] (computed for every frame, also a poor one)
 * @param frLivenessScore    {@code fr_liveness}'s live probability
 * @param miniFasNetScore    MiniFASNet's live probability (mean of V2 and V1SE)
 * @param landmarks          the face's 68 landmarks, for the motion cue; null when they were not computed
 * @param frameWidth         width of the frame in pixels (the motion cue's camera)
 * @param frameHeight        height of the frame in pixels
 */
public record FrameEvidence(Verdict verdict, List<QualityProblem> problems, double score, double frLivenessScore,
    double miniFasNetScore, @Nullable FaceLandmarks landmarks, int frameWidth, int frameHeight) {

  /** A single frame's answer. */
  public enum Verdict {
    LIVE,
    SPOOF,
    /** The frame cannot be judged: see {@link FrameEvidence#problems()}. Not a spoof. */
    INSUFFICIENT_QUALITY
  }

  public FrameEvidence {
    problems = List.copyOf(problems);
    if ((verdict == Verdict.INSUFFICIENT_QUALITY) == problems.isEmpty()) {
      throw new IllegalArgumentException("problems must be given exactly for INSUFFICIENT_QUALITY");
    }
    if (frameWidth <= 0 || frameHeight <= 0) throw new IllegalArgumentException("the frame size must be positive");
  }

  /** Whether the frame can be judged (its quality is within the limits). */
  public boolean usable() {
    return verdict != Verdict.INSUFFICIENT_QUALITY;
  }
}
