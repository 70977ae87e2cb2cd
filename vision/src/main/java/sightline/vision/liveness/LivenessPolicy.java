package sightline.vision.liveness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.face.FaceQuality;
import sightline.vision.face.MiniFasNetLiveness;

/**
 * Sightline's liveness rules as data: how the passive models are fused and thresholded, the quality limits, the
 * motion cue's thresholds, and what a session needs. {@link #defaults()} is the shipped policy; a site calibration
 * builds another from its own measurements (the record is plain numbers, so it can be stored and versioned).
 * Immutable and thread-safe.
 *
 * <p>Per frame ({@link #judgeFrame}): a face analysed with {@code QUALITY}, {@code LIVENESS}, {@code MINIFASNET} and
 * {@code LANDMARKS} is first checked against the quality limits (a poor frame says why, and is not a spoof), then
 * scored. Per session ({@link #judgeSession}): the usable frames' median score against the threshold, which is lower
 * when the landmark motion showed a rigid 3-D head; motion that fits a plane or no rigid head refuses the session
 * whatever the score.
 *
 * @param passive       fusion weights and thresholds
 * @param quality       limits outside which a frame is not judged
 * @param motion        the motion cue's thresholds
 * @param minFrames     usable frames a session needs, at least 1
 * @param requireMotion when true, a session without enough head movement is {@link LivenessDecision.Verdict#RETRY}
 *                      instead of being judged by the passive models alone
 */
public record LivenessPolicy(PassiveLivenessRule passive, QualityLimits quality, MotionRule motion, int minFrames,
    boolean requireMotion) {

  public LivenessPolicy {
    Objects.requireNonNull(passive, "passive");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(motion, "motion");
    if (minFrames < 1) throw new IllegalArgumentException("minFrames must be at least 1, was " + minFrames);
  }

  /** The shipped policy: see vision/README.md ("Liveness") for the figures behind every number. */
  public static LivenessPolicy defaults() {
    return new LivenessPolicy(PassiveLivenessRule.defaults(), QualityLimits.defaults(), MotionRule.defaults(), 3,
        false);
  }

  public LivenessPolicy withPassive(PassiveLivenessRule passive) {
    return new LivenessPolicy(passive, quality, motion, minFrames, requireMotion);
  }

  public LivenessPolicy withQuality(QualityLimits quality) {
    return new LivenessPolicy(passive, quality, motion, minFrames, requireMotion);
  }

  public LivenessPolicy withMotion(MotionRule motion) {
    return new LivenessPolicy(passive, quality, motion, minFrames, requireMotion);
  }

  public LivenessPolicy withMinFrames(int minFrames) {
    return new LivenessPolicy(passive, quality, motion, minFrames, requireMotion);
  }

  public LivenessPolicy withRequireMotion(boolean requireMotion) {
    return new LivenessPolicy(passive, quality, motion, minFrames, requireMotion);
  }

  /**
   * Judges one frame's face: quality first, then the fused score against the single-frame threshold
   * ({@link PassiveLivenessRule#threshold()}: one frame shows no motion).
   *
   * @param frameWidth  width of the analysed frame in pixels
   * @param frameHeight height of the analysed frame in pixels
   * @throws IllegalArgumentException when the face lacks quality, {@code fr_liveness} or MiniFASNet results
   */
  public FrameEvidence judgeFrame(DetectedFace face, int frameWidth, int frameHeight) {
    FaceQuality q = face.quality();
    MiniFasNetLiveness miniFasNet = face.miniFasNet();
    if (q == null || face.liveness() == null || miniFasNet == null) {
      throw new IllegalArgumentException("judging liveness needs FaceAttribute QUALITY, LIVENESS and MINIFASNET");
    }
    double score = passive.score(face);
    List<QualityProblem> problems = quality.problems(q);
    FrameEvidence.Verdict verdict = !problems.isEmpty() ? FrameEvidence.Verdict.INSUFFICIENT_QUALITY
        : score >= passive.threshold() ? FrameEvidence.Verdict.LIVE : FrameEvidence.Verdict.SPOOF;
    return new FrameEvidence(verdict, problems, score, face.liveness().liveScore(), miniFasNet.liveScore(),
        face.landmarks(), frameWidth, frameHeight);
  }

  /**
   * Decides a session from its frames' evidence, in the order they arrived; the first usable frame with landmarks
   * is the motion cue's reference, so start the list at the session's first frontal frame.
   *
   * <ol>
   *   <li>Fewer than {@link #minFrames} usable frames: RETRY, with the quality problems seen.</li>
   *   <li>The motion cue on the usable frames' landmarks: PLANAR or NOT_RIGID refuse (SPOOF).</li>
   *   <li>The usable frames' median score against {@link PassiveLivenessRule#thresholdFor} the motion's verdict.</li>
   *   <li>With {@link #requireMotion}, too little head motion is RETRY when nothing else failed.</li>
   * </ol>
   */
  public LivenessDecision judgeSession(List<FrameEvidence> frames) {
    var usable = frames.stream().filter(FrameEvidence::usable).toList();
    List<QualityProblem> problems = mostFrequentFirst(frames);
    var withLandmarks = usable.stream().filter(f -> f.landmarks() != null).toList();
    List<FaceLandmarks> landmarks = withLandmarks.stream().map(FrameEvidence::landmarks).map(Objects::requireNonNull)
        .toList();
    MotionEvidence motionEvidence = landmarks.isEmpty()
        ? new MotionEvidence(MotionEvidence.Verdict.TOO_LITTLE_MOTION, 0, 0, 0, Double.NaN, Double.NaN)
        : motion.evaluate(landmarks, withLandmarks.getFirst().frameWidth(), withLandmarks.getFirst().frameHeight());
    if (usable.size() < minFrames) {
      return new LivenessDecision(LivenessDecision.Verdict.RETRY, List.of(LivenessDecision.Reason.INSUFFICIENT_QUALITY),
          usable.isEmpty() ? Double.NaN : medianScore(usable), passive.threshold(), motionEvidence, frames.size(),
          usable.size(), problems);
    }
    double score = medianScore(usable);
    double threshold = passive.thresholdFor(motionEvidence.verdict());
    var reasons = new ArrayList<LivenessDecision.Reason>();
    if (motionEvidence.verdict() == MotionEvidence.Verdict.PLANAR) reasons.add(LivenessDecision.Reason.PLANAR_MOTION);
    if (motionEvidence.verdict() == MotionEvidence.Verdict.NOT_RIGID) {
      reasons.add(LivenessDecision.Reason.NOT_RIGID_MOTION);
    }
    if (score < threshold) reasons.add(LivenessDecision.Reason.PASSIVE_SCORE_LOW);
    LivenessDecision.Verdict verdict = reasons.isEmpty() ? LivenessDecision.Verdict.LIVE
        : LivenessDecision.Verdict.SPOOF;
    if (reasons.isEmpty() && requireMotion && motionEvidence.verdict() == MotionEvidence.Verdict.TOO_LITTLE_MOTION) {
      reasons.add(LivenessDecision.Reason.NO_HEAD_MOTION);
      verdict = LivenessDecision.Verdict.RETRY;
    }
    return new LivenessDecision(verdict, reasons, score, threshold, motionEvidence, frames.size(), usable.size(),
        problems);
  }

  private static double medianScore(List<FrameEvidence> frames) {
    double[] scores = frames.stream().mapToDouble(FrameEvidence::score).sorted().toArray();
    int n = scores.length;
    return n % 2 == 1 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
  }

  private static List<QualityProblem> mostFrequentFirst(List<FrameEvidence> frames) {
    Map<QualityProblem, Integer> counts = new EnumMap<>(QualityProblem.class);
    for (FrameEvidence frame : frames) {
      for (QualityProblem problem : frame.problems()) counts.merge(problem, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<QualityProblem, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }
}
