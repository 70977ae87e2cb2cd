package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sightline.vision.face.FaceLandmarks;

/**
 * The motion cue on landmark sets made by geometry (no model): what a head, a photo and a warped photo do to the 68
 * points when they move, with 1 px of landmark noise (about what {@code fr_landmark} shows between two frames of a
 * still face).
 */
class MotionRuleTests {

  private static final double NOISE_PX = 1.0;
  private final Random random = new Random(42);
  private final double[][] person = SyntheticLandmarks.person();
  private final MotionRule rule = MotionRule.defaults();

  private FaceLandmarks frontal() {
    return SyntheticLandmarks.head(person, 0, 0, 0, random);
  }

  @Test
  void aRigidHeadTurningFitsARigidHeadAndNotAPlane() {
    var frames = new ArrayList<FaceLandmarks>();
    for (double a : SyntheticLandmarks.rise(16)) frames.add(SyntheticLandmarks.head(person, 28 * a, -8 * a, NOISE_PX, random));
    MotionEvidence evidence = rule.evaluate(frames, 640, 480);
    assertThat(evidence.verdict()).isEqualTo(MotionEvidence.Verdict.THREE_D);
    assertThat(evidence.nonPlanarity()).as("a plane leaves most of a turn unexplained").isGreaterThan(0.6);
    assertThat(evidence.nonRigidity()).as("the rigid head explains it (depths 15% off the mean face)").isLessThan(0.2);
    assertThat(evidence.movingFrames()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aPhotoMovedAndTiltedAsAWholeIsPlanar() {
    FaceLandmarks printed = frontal();
    var frames = new ArrayList<FaceLandmarks>();
    for (double a : SyntheticLandmarks.rise(16)) {
      frames.add(SyntheticLandmarks.photo(printed, 40 * a, 12 * a, 60 * a, 1 - 0.15 * a, 8 * a, NOISE_PX, random));
    }
    MotionEvidence evidence = rule.evaluate(frames, 640, 480);
    assertThat(evidence.verdict()).isEqualTo(MotionEvidence.Verdict.PLANAR);
    assertThat(evidence.refuses()).isTrue();
    assertThat(evidence.nonPlanarity()).isLessThan(0.2);
  }

  @Test
  void aPhotoWarpedToFakeATurnFitsNeitherAPlaneNorARigidHead() {
    FaceLandmarks printed = frontal();
    var head = new ArrayList<FaceLandmarks>();
    for (double a : SyntheticLandmarks.rise(16)) head.add(SyntheticLandmarks.head(person, 28 * a, 0, NOISE_PX, random));
    double rigidHead = rule.evaluate(head, 640, 480).nonRigidity();
    // The warps of the app's test video: the inner face 0.3 face widths sideways (turns), 0.25 heights up (look up).
    for (double[] warp : new double[][] {{0.3, 0}, {-0.3, 0}, {-0.25, 1}}) {
      var frames = new ArrayList<FaceLandmarks>();
      for (double a : SyntheticLandmarks.rise(16)) {
        frames.add(SyntheticLandmarks.warped(printed, warp[0] * a, warp[1] == 1, NOISE_PX, random));
      }
      MotionEvidence evidence = rule.evaluate(frames, 640, 480);
      assertThat(evidence.nonPlanarity()).as("not a plane").isGreaterThan(0.8);
      assertThat(evidence.nonRigidity()).as("not a rigid head: several times a real turn's share")
          .isGreaterThan(3 * rigidHead);
      assertThat(evidence.verdict()).isEqualTo(MotionEvidence.Verdict.NOT_RIGID);
    }
  }

  @Test
  void aStillFaceShowsTooLittleMotionToTell() {
    var frames = new ArrayList<FaceLandmarks>();
    for (int i = 0; i < 16; i++) frames.add(SyntheticLandmarks.head(person, 0, 0, NOISE_PX, random));
    MotionEvidence evidence = rule.evaluate(frames, 640, 480);
    assertThat(evidence.verdict()).isEqualTo(MotionEvidence.Verdict.TOO_LITTLE_MOTION);
    assertThat(evidence.refuses()).isFalse();
    assertThat(evidence.movingFrames()).isZero();
  }

  @Test
  void movingOnlyInThePlaneOfTheImageIsNotEvidence() {
    var frames = new ArrayList<FaceLandmarks>();
    FaceLandmarks start = frontal();
    for (double a : SyntheticLandmarks.rise(16)) {
      frames.add(SyntheticLandmarks.photo(start, 0, 0, 80 * a, 1 + 0.3 * a, 20 * a, NOISE_PX, random));
    }
    assertThat(rule.evaluate(frames, 640, 480).verdict()).isEqualTo(MotionEvidence.Verdict.TOO_LITTLE_MOTION);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> rule.evaluate(List.of(), 640, 480)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MotionRule(0, 2, 0.3, 0.7, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MotionRule(0.07, 1, 0.3, 0.7, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(rule.evaluate(List.of(frontal()), 640, 480).verdict()).isEqualTo(MotionEvidence.Verdict.TOO_LITTLE_MOTION);
  }
}
