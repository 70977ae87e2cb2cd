package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.face.FaceQuality;
import sightline.vision.face.Liveness;
import sightline.vision.face.MiniFasNetLiveness;

/** The policy's frame and session rules on evidence made by hand and by geometry (no model). */
class LivenessPolicyTests {

  private final LivenessPolicy policy = new LivenessPolicy(new PassiveLivenessRule(0, 1, 0, 0, 0.8, 0.4),
      QualityLimits.defaults(), MotionRule.defaults(), 3, false);
  private final Random random = new Random(5);
  private final double[][] person = SyntheticLandmarks.person();

  private static DetectedFace face(double frLiveness, FaceQuality quality, FaceLandmarks landmarks) {
    return new DetectedFace(new BoundingBox(250, 150, 390, 310), 0.99, landmarks, null, quality, null, null,
        Liveness.of(frLiveness), new MiniFasNetLiveness(0.5, 0.5));
  }

  private static final FaceQuality GOOD = new FaceQuality(140, 300, 0.45, 0.2, 0.5);

  /** Evidence of frames whose score is {@code frLiveness} (the policy fuses fr_liveness alone) and landmarks. */
  private List<FrameEvidence> frames(double frLiveness, List<FaceLandmarks> landmarks) {
    var out = new ArrayList<FrameEvidence>();
    for (FaceLandmarks l : landmarks) out.add(policy.judgeFrame(face(frLiveness, GOOD, l), 640, 480));
    return out;
  }

  private List<FaceLandmarks> still(int n) {
    var out = new ArrayList<FaceLandmarks>();
    for (int i = 0; i < n; i++) out.add(SyntheticLandmarks.head(person, 0, 0, 0.5, random));
    return out;
  }

  private List<FaceLandmarks> turning(int n) {
    var out = new ArrayList<FaceLandmarks>();
    for (double a : SyntheticLandmarks.rise(n)) out.add(SyntheticLandmarks.head(person, 25 * a, 0, 0.5, random));
    return out;
  }

  private List<FaceLandmarks> tiltedPhoto(int n) {
    FaceLandmarks printed = SyntheticLandmarks.head(person, 0, 0, 0, random);
    var out = new ArrayList<FaceLandmarks>();
    for (double a : SyntheticLandmarks.rise(n)) {
      out.add(SyntheticLandmarks.photo(printed, 40 * a, 10 * a, 40 * a, 1, 5 * a, 0.5, random));
    }
    return out;
  }

  @Test
  void aPoorFrameSaysWhyAndIsNotASpoof() {
    var dark = policy.judgeFrame(face(0.01, new FaceQuality(140, 300, 0.1, 0.1, 0.15), null), 640, 480);
    assertThat(dark.verdict()).isEqualTo(FrameEvidence.Verdict.INSUFFICIENT_QUALITY);
    assertThat(dark.problems()).containsExactly(QualityProblem.TOO_DARK);
    assertThat(dark.usable()).isFalse();
    var backlit = policy.judgeFrame(face(0.99, new FaceQuality(140, 300, 0.3, 0.1, 0.9), null), 640, 480);
    assertThat(backlit.problems()).containsExactly(QualityProblem.BACKLIT);
  }

  @Test
  void aGoodFrameIsLiveOrSpoofByTheSingleFrameThreshold() {
    assertThat(policy.judgeFrame(face(0.9, GOOD, null), 640, 480).verdict()).isEqualTo(FrameEvidence.Verdict.LIVE);
    assertThat(policy.judgeFrame(face(0.6, GOOD, null), 640, 480).verdict()).isEqualTo(FrameEvidence.Verdict.SPOOF);
    var missing = new DetectedFace(new BoundingBox(0, 0, 9, 9), 0.9, null, null, GOOD, null, null, Liveness.of(0.9));
    assertThatThrownBy(() -> policy.judgeFrame(missing, 640, 480)).hasMessageContaining("MINIFASNET");
  }

  @Test
  void aStillSessionIsJudgedByTheSingleThreshold() {
    LivenessDecision live = policy.judgeSession(frames(0.9, still(10)));
    assertThat(live.verdict()).isEqualTo(LivenessDecision.Verdict.LIVE);
    assertThat(live.reasons()).isEmpty();
    assertThat(live.motion().verdict()).isEqualTo(MotionEvidence.Verdict.TOO_LITTLE_MOTION);
    LivenessDecision low = policy.judgeSession(frames(0.6, still(10)));
    assertThat(low.verdict()).isEqualTo(LivenessDecision.Verdict.SPOOF);
    assertThat(low.reasons()).containsExactly(LivenessDecision.Reason.PASSIVE_SCORE_LOW);
    assertThat(low.threshold()).isEqualTo(0.8);
  }

  @Test
  void aHeadTurningLowersTheBarForThePassiveModels() {
    LivenessDecision decision = policy.judgeSession(frames(0.6, turning(12)));
    assertThat(decision.motion().verdict()).isEqualTo(MotionEvidence.Verdict.THREE_D);
    assertThat(decision.threshold()).isEqualTo(0.4);
    assertThat(decision.live()).isTrue();
  }

  @Test
  void aPhotoTiltedAsAWholeIsRefusedWhateverItsScore() {
    LivenessDecision decision = policy.judgeSession(frames(0.99, tiltedPhoto(12)));
    assertThat(decision.verdict()).isEqualTo(LivenessDecision.Verdict.SPOOF);
    assertThat(decision.reasons()).containsExactly(LivenessDecision.Reason.PLANAR_MOTION);
  }

  @Test
  void tooFewUsableFramesAskForARetryWithTheReason() {
    var frames = new ArrayList<FrameEvidence>();
    for (int i = 0; i < 4; i++) {
      frames.add(policy.judgeFrame(face(0.99, new FaceQuality(40, 300, 0.45, 0.2, 0.5), null), 640, 480));
    }
    frames.add(policy.judgeFrame(face(0.99, new FaceQuality(140, 10, 0.45, 0.2, 0.5), null), 640, 480));
    frames.add(policy.judgeFrame(face(0.99, GOOD, null), 640, 480));
    LivenessDecision decision = policy.judgeSession(frames);
    assertThat(decision.verdict()).isEqualTo(LivenessDecision.Verdict.RETRY);
    assertThat(decision.reasons()).containsExactly(LivenessDecision.Reason.INSUFFICIENT_QUALITY);
    assertThat(decision.qualityProblems()).containsExactly(QualityProblem.TOO_FAR, QualityProblem.BLURRED);
    assertThat(decision.usableFrames()).isEqualTo(1);
  }

  @Test
  void requiringMotionTurnsAStillSessionIntoARetry() {
    LivenessDecision decision = policy.withRequireMotion(true).judgeSession(frames(0.99, still(10)));
    assertThat(decision.verdict()).isEqualTo(LivenessDecision.Verdict.RETRY);
    assertThat(decision.reasons()).containsExactly(LivenessDecision.Reason.NO_HEAD_MOTION);
    assertThat(policy.withRequireMotion(true).judgeSession(frames(0.99, turning(12))).live()).isTrue();
  }

  @Test
  void theShippedPolicyIsConsistent() {
    LivenessPolicy defaults = LivenessPolicy.defaults();
    assertThat(defaults.minFrames()).isPositive();
    assertThat(defaults.passive().thresholdWithMotion()).isLessThanOrEqualTo(defaults.passive().threshold());
    assertThatThrownBy(() -> defaults.withMinFrames(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
