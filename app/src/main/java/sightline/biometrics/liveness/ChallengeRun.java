package sightline.biometrics.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessFrameAnswer.Hint;
import sightline.biometrics.LivenessFrameAnswer.State;
import sightline.biometrics.LivenessOutcome.Reason;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.FrameEvidence;
import sightline.vision.liveness.LivenessDecision;
import sightline.vision.liveness.MotionEvidence;
import sightline.vision.liveness.QualityProblem;

/**
 * The rules of one liveness session as a state machine over {@link FrameObservation}s: the challenges in order, each
 * within the challenge timeout, one face throughout, the same face throughout, and passive liveness at the end.
 * Pure (no model, no clock: time comes with each observation). Not thread-safe: the owning session serialises calls.
 *
 * <p>The first frame with one face that looks at the camera (yaw and pitch within
 * {@link LivenessRules#maxReferenceDegrees()}) with both eyes open fixes the reference: its embedding for face
 * continuity, its yaw and pitch as the zero of the turn and look-up challenges. Per challenge:
 * <ul>
 *   <li>BLINK: per-eye states with hysteresis (open when both closed probabilities are at most
 *       {@code eyeOpenBelow}, closed when both are at least {@code eyeClosedAbove}, else unsure and ignored), then
 *       at least two open frames, at least one closed frame, one open frame. A single eye flickering, which
 *       {@code fr_eye} does, is unsure and cannot fake a blink.</li>
 *   <li>TURN_LEFT / TURN_RIGHT / LOOK_UP: yaw or pitch at least the configured degrees from the reference, in the
 *       asked direction, for {@code holdFrames} consecutive frames.</li>
 *   <li>COME_CLOSER: the estimated distance at most {@code closerRatio} of the farthest seen during this challenge,
 *       for {@code holdFrames} consecutive frames.</li>
 * </ul>
 * Two consecutive frames with several faces fail the session, as do two consecutive frames whose face is not the
 * reference face; one such frame is only a hint (detectors and embeddings have single-frame glitches).
 *
 * <p>Once every challenge is met, the site's {@link SitePolicy} decides, on the frames' {@link FrameEvidence} from the
 * reference frame on: frames outside the quality limits are not judged (their problem is the hint: too far, too
 * dark, backlit, too bright, blurred), and with fewer usable frames than the policy needs the session waits, then
 * fails with the quality problems as reasons, never as "not live". The vision library's
 * {@code LivenessPolicy.judgeSession} gives the median fused passive score and the motion cue over the whole session;
 * the motion cue is also evaluated per challenge (the reference frame, then the frames sent while that challenge was
 * asked), because a photo warped into one turn and tilted for another can look 3-D on the median of both. When the
 * policy requires motion, any challenge whose landmarks moved as a plane or as no rigid head fails the session, and a
 * session that asked for a head turn must show a rigid 3-D head at least once.
 */
public final class ChallengeRun {

  /** What {@link #accept} concluded about one frame. */
  public record Step(State state, @Nullable Challenge challenge, int challengesMet, double progress, Hint hint,
      List<Reason> reasons, @Nullable Double distanceCm) {
  }

  private enum Eyes { OPEN, CLOSED, UNSURE }

  private final List<Challenge> challenges;
  private final Instant startedAt;
  private final Instant expiresAt;
  private final LivenessRules rules;
  private final SitePolicy policy;

  private State state = State.RUNNING;
  private final List<Reason> reasons = new ArrayList<>();
  private int met;
  private final List<Duration> metAfter = new ArrayList<>();
  private Instant challengeStartedAt;
  private @Nullable Instant endedAt;
  private int frames;

  private @Nullable FaceEmbedding reference;
  private double referenceYaw;
  private double referencePitch;
  private float @Nullable [] faceSum;
  private @Nullable FaceEmbedding probe;
  private double probeOffAxis = Double.MAX_VALUE;
  /** Evidence of the frames with one face from the reference frame on, and the challenge asked at each. */
  private final List<FrameEvidence> evidence = new ArrayList<>();
  private final List<Integer> askedAt = new ArrayList<>();
  private @Nullable SessionCues cues;
  private int severalStreak;
  private int changedStreak;

  // Per-challenge state, reset when a challenge is met.
  private int holdStreak;
  private double farthestCm;
  private int openStreak;
  private int blinkPhase; // 0: waiting for open eyes, 1: open seen, waiting for closed, 2: closed seen, waiting for open
  private double partial;

  private Step last;

  public ChallengeRun(List<Challenge> challenges, Instant startedAt, Instant expiresAt, LivenessRules rules,
      SitePolicy policy) {
    if (challenges.isEmpty()) {
      throw new IllegalArgumentException("a liveness session needs at least one challenge");
    }
    this.challenges = List.copyOf(challenges);
    this.startedAt = startedAt;
    this.expiresAt = expiresAt;
    this.rules = rules;
    this.policy = policy;
    this.challengeStartedAt = startedAt;
    this.last = step(Hint.FACE_THE_CAMERA, null);
  }

  /** Applies one frame; after the session ended, answers the final step again without looking at it. */
  public Step accept(FrameObservation frame) {
    if (state != State.RUNNING) {
      return last;
    }
    frames++;
    if (!frame.at().isBefore(expiresAt)) {
      return last = fail(frame.at(), Reason.EXPIRED, unmet());
    }
    if (Duration.between(challengeStartedAt, frame.at()).compareTo(rules.challengeTimeout()) > 0) {
      if (met == challenges.size()) {
        // Every challenge was met but too few frames were good enough to judge: say why, not "not live".
        decide();
        var problems = Objects.requireNonNull(cues).qualityProblems();
        return last = problems.isEmpty() ? fail(frame.at(), Reason.PASSIVE_LIVENESS_TOO_LOW)
            : fail(frame.at(), problems.stream().map(Reason::of).toArray(Reason[]::new));
      }
      return last = fail(frame.at(), Reason.notMet(challenges.get(met)));
    }
    if (frame.faces() > 1) {
      if (++severalStreak >= 2) {
        return last = fail(frame.at(), Reason.SEVERAL_FACES);
      }
      return last = step(Hint.ONE_FACE_ONLY, null);
    }
    severalStreak = 0;
    FrameObservation.Face face = frame.face();
    if (frame.faces() == 0 || face == null) {
      return last = step(Hint.NO_FACE, null);
    }
    double distance = distanceCm(face);
    Eyes eyes = eyes(face);
    if (reference == null) {
      boolean frontal = Math.abs(face.yawDegrees()) <= rules.maxReferenceDegrees()
          && Math.abs(face.pitchDegrees()) <= rules.maxReferenceDegrees();
      if (!frontal || eyes != Eyes.OPEN || face.embedding() == null) {
        return last = step(qualityHintOr(face, Hint.FACE_THE_CAMERA), distance);
      }
      reference = face.embedding();
      referenceYaw = face.yawDegrees();
      referencePitch = face.pitchDegrees();
      challengeStartedAt = frame.at();
      farthestCm = distance;
    }
    if (face.embedding() != null) {
      if (face.embedding().similarity(reference) < rules.sameFaceSimilarity()) {
        if (++changedStreak >= 2) {
          return last = fail(frame.at(), Reason.FACE_CHANGED);
        }
        return last = step(Hint.SAME_PERSON, distance);
      }
      evidence.add(face.evidence());
      askedAt.add(met);
      changedStreak = 0;
      addToConsistentFace(face.embedding());
      double offAxis = Math.abs(face.yawDegrees() - referenceYaw) + Math.abs(face.pitchDegrees() - referencePitch);
      if (eyes == Eyes.OPEN && offAxis < probeOffAxis) {
        probe = face.embedding();
        probeOffAxis = offAxis;
      }
    }
    if (met < challenges.size() && isMet(challenges.get(met), face, eyes, distance)) {
      metAfter.add(Duration.between(startedAt, frame.at()));
      met++;
      challengeStartedAt = frame.at();
      resetChallenge(distance);
    }
    if (met == challenges.size()) {
      if (usableFrames() < Math.max(rules.minLivenessFrames(), policy.policy().minFrames())) {
        return last = step(qualityHintOr(face, Hint.HOLD_STILL), distance);
      }
      List<Reason> refused = decide();
      if (!refused.isEmpty()) {
        return last = fail(frame.at(), refused.toArray(Reason[]::new));
      }
      state = State.PASSED;
      endedAt = frame.at();
    }
    return last = step(qualityHintOr(face, Hint.NONE), distance);
  }

  /**
   * What the session's evidence says under the policy: the reasons it fails, empty when it passes. Records the cues
   * ({@link #cues()}).
   */
  private List<Reason> decide() {
    LivenessDecision decision = policy.policy().judgeSession(evidence);
    var segments = new EnumMap<Challenge, MotionEvidence.Verdict>(Challenge.class);
    FrameEvidence reference = evidence.isEmpty() ? null : evidence.getFirst();
    if (reference != null && reference.usable() && reference.landmarks() != null) {
      for (int i = 0; i < challenges.size(); i++) {
        var landmarks = new ArrayList<FaceLandmarks>();
        landmarks.add(reference.landmarks());
        for (int f = 1; f < evidence.size(); f++) {
          FrameEvidence e = evidence.get(f);
          if (askedAt.get(f) == i && e.usable() && e.landmarks() != null) landmarks.add(e.landmarks());
        }
        if (landmarks.size() > 1) {
          segments.put(challenges.get(i), policy.policy().motion()
              .evaluate(landmarks, reference.frameWidth(), reference.frameHeight()).verdict());
        }
      }
    }
    var reasons = new ArrayList<Reason>();
    if (decision.usableFrames() < policy.policy().minFrames()) {
      decision.qualityProblems().forEach(problem -> reasons.add(Reason.of(problem)));
      if (reasons.isEmpty()) reasons.add(Reason.PASSIVE_LIVENESS_TOO_LOW);
    } else {
      if (policy.requirePassive() && decision.passiveScore() < decision.threshold()) {
        reasons.add(Reason.PASSIVE_LIVENESS_TOO_LOW);
      }
      if (policy.requireMotion()) {
        var seen = new ArrayList<>(segments.values());
        seen.add(decision.motion().verdict());
        if (seen.contains(MotionEvidence.Verdict.PLANAR)) reasons.add(Reason.MOTION_PLANAR);
        if (seen.contains(MotionEvidence.Verdict.NOT_RIGID)) reasons.add(Reason.MOTION_NOT_RIGID);
        boolean askedToTurn = challenges.contains(Challenge.TURN_LEFT) || challenges.contains(Challenge.TURN_RIGHT);
        if (reasons.isEmpty() && askedToTurn && !seen.contains(MotionEvidence.Verdict.THREE_D)) {
          reasons.add(Reason.NO_HEAD_MOTION);
        }
      }
    }
    cues = new SessionCues(policy.version(), finiteOr(decision.passiveScore(), 0), median(evidence, true),
        median(evidence, false), decision.threshold(), decision.motion(), segments, decision.usableFrames(),
        decision.qualityProblems());
    return reasons;
  }

  private static double finiteOr(double value, double fallback) {
    return Double.isFinite(value) ? value : fallback;
  }

  private static double median(List<FrameEvidence> frames, boolean frLiveness) {
    double[] v = frames.stream().filter(FrameEvidence::usable)
        .mapToDouble(f -> frLiveness ? f.frLivenessScore() : f.miniFasNetScore()).sorted().toArray();
    if (v.length == 0) return 0;
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private int usableFrames() {
    return (int) evidence.stream().filter(FrameEvidence::usable).count();
  }

  /** The frame's first quality problem as the hint, when there is one, else {@code otherwise}. */
  private static Hint qualityHintOr(FrameObservation.Face face, Hint otherwise) {
    List<QualityProblem> problems = face.evidence().problems();
    return problems.isEmpty() ? otherwise : Hint.of(problems.getFirst());
  }

  /** Fails the session as expired when {@code now} is past its expiry and it still runs; true when it did. */
  public boolean expireIfDue(Instant now) {
    if (state != State.RUNNING || now.isBefore(expiresAt)) {
      return false;
    }
    last = fail(expiresAt, Reason.EXPIRED, unmet());
    return true;
  }

  /** Why the session has not passed yet: the challenge asked now, or, with all met, too few usable frames. */
  private Reason unmet() {
    return met < challenges.size() ? Reason.notMet(challenges.get(met)) : Reason.PASSIVE_LIVENESS_TOO_LOW;
  }

  private boolean isMet(Challenge challenge, FrameObservation.Face face, Eyes eyes, double distance) {
    return switch (challenge) {
      case BLINK -> blinked(eyes);
      case TURN_LEFT -> held(referenceYaw - face.yawDegrees(), rules.turnDegrees());
      case TURN_RIGHT -> held(face.yawDegrees() - referenceYaw, rules.turnDegrees());
      case LOOK_UP -> held(face.pitchDegrees() - referencePitch, rules.lookUpDegrees());
      case COME_CLOSER -> closer(distance);
    };
  }

  private boolean blinked(Eyes eyes) {
    switch (eyes) {
      case OPEN -> {
        openStreak++;
        if (blinkPhase == 0 && openStreak >= 2) blinkPhase = 1;
        if (blinkPhase == 2) blinkPhase = 3;
      }
      case CLOSED -> {
        openStreak = 0;
        if (blinkPhase == 1) blinkPhase = 2;
      }
      case UNSURE -> { }
    }
    partial = blinkPhase / 3.0;
    return blinkPhase == 3;
  }

  private boolean held(double change, double needed) {
    partial = Math.clamp(change / needed, 0, 1);
    holdStreak = change >= needed ? holdStreak + 1 : 0;
    return holdStreak >= rules.holdFrames();
  }

  private boolean closer(double distance) {
    farthestCm = Math.max(farthestCm, distance);
    double ratio = distance / farthestCm;
    partial = Math.clamp((1 - ratio) / (1 - rules.closerRatio()), 0, 1);
    holdStreak = ratio <= rules.closerRatio() ? holdStreak + 1 : 0;
    return holdStreak >= rules.holdFrames();
  }

  private void resetChallenge(double distance) {
    holdStreak = 0;
    farthestCm = distance;
    openStreak = 0;
    blinkPhase = 0;
    partial = 0;
  }

  private Eyes eyes(FrameObservation.Face face) {
    double most = Math.max(face.leftEyeClosed(), face.rightEyeClosed());
    double least = Math.min(face.leftEyeClosed(), face.rightEyeClosed());
    if (most <= rules.eyeOpenBelow()) return Eyes.OPEN;
    if (least >= rules.eyeClosedAbove()) return Eyes.CLOSED;
    return Eyes.UNSURE;
  }

  /**
   * The face's distance from the camera: a pinhole camera with focal length {@code focalLengthPerWidth} frame widths
   * (0.866 is a 60 degree horizontal field of view, typical of laptop webcams) and an inter-pupil distance of 63 mm
   * (the adult average), the measured eye distance corrected for yaw foreshortening.
   */
  public double distanceCm(FrameObservation.Face face) {
    double yaw = Math.toRadians(Math.min(60, Math.abs(face.yawDegrees())));
    double ipd = Math.max(1, face.interPupilPx() / Math.cos(yaw));
    return rules.focalLengthPerWidth() * face.frameWidthPx() * 6.3 / ipd;
  }

  private void addToConsistentFace(FaceEmbedding embedding) {
    float[] v = embedding.vector();
    if (faceSum == null) {
      faceSum = v;
      return;
    }
    for (int i = 0; i < v.length; i++) faceSum[i] += v[i];
  }

  private Step fail(Instant at, Reason... why) {
    state = State.FAILED;
    endedAt = at;
    reasons.addAll(Arrays.asList(why));
    return step(Hint.NONE, null);
  }

  private Step step(Hint hint, @Nullable Double distanceCm) {
    double progress = state == State.PASSED ? 1
        : Math.min(1, (met + (met < challenges.size() ? partial : 0)) / challenges.size());
    Challenge current = state == State.RUNNING && met < challenges.size() ? challenges.get(met) : null;
    return new Step(state, current, met, progress, hint, List.copyOf(reasons), distanceCm);
  }

  public State state() {
    return state;
  }

  public Step last() {
    return last;
  }

  public List<Challenge> challenges() {
    return challenges;
  }

  public List<Challenge> challengesMet() {
    return challenges.subList(0, met);
  }

  /** When each met challenge was met, from the session's start. */
  public List<Duration> metAfter() {
    return List.copyOf(metAfter);
  }

  public List<Reason> reasons() {
    return List.copyOf(reasons);
  }

  public int frames() {
    return frames;
  }

  public @Nullable Instant endedAt() {
    return endedAt;
  }

  /**
   * Median fused passive score over the usable frames from the reference frame on, in [0, 1]; 0 before any (the
   * recorded decision's score once the session was decided).
   */
  public double passiveLivenessScore() {
    if (cues != null) return cues.passiveScore();
    double[] sorted = evidence.stream().filter(FrameEvidence::usable).mapToDouble(FrameEvidence::score).sorted()
        .toArray();
    if (sorted.length == 0) return 0;
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The cues behind the decision, null until the policy decided (all challenges met). */
  public @Nullable SessionCues cues() {
    return cues;
  }

  /** The policy version this session is judged by. */
  public SitePolicy policy() {
    return policy;
  }

  public @Nullable FaceEmbedding probe() {
    return probe;
  }

  public @Nullable FaceEmbedding consistentFace() {
    return faceSum == null ? null : new FaceEmbedding(faceSum.clone());
  }
}
