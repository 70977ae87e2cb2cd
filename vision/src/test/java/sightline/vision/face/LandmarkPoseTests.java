package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LandmarkPoseTests {

  @Test
  void fitRecoversALinearRuleFromNoisyShapes() {
    // Shapes of drawn faces turned and jittered at random; the "model" answers yaw = 100 x of the nose tip (which
    // flips sign under a mirror, as yaw does) and pitch = 100 y of the nose tip.
    var random = new Random(3);
    var features = new ArrayList<double[]>();
    var targets = new ArrayList<double[]>();
    for (int i = 0; i < 600; i++) {
      double[] f = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, 0, 0.03 + 0.04 * random.nextDouble(),
          -30 + 60 * random.nextDouble()));
      for (int k = 0; k < 136; k++) f[k] += 0.01 * random.nextGaussian();
      features.add(f);
      targets.add(new double[] {100 * f[60], 100 * f[61]});
    }
    LandmarkPose pose = LandmarkPose.fit(features, targets, 1e-6);
    for (int i = 0; i < 20; i++) {
      double[] f = features.get(i);
      assertThat(dot(pose.yaw(), f)).isCloseTo(100 * f[60], within(0.05));
      assertThat(dot(pose.pitch(), f)).isCloseTo(100 * f[61], within(0.05));
    }
    assertThatThrownBy(() -> LandmarkPose.fit(List.of(), List.of(), 0.01)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coefficientsRoundTripThroughTheResourceFormat() {
    var random = new Random(5);
    double[] yaw = random.doubles(LandmarkGeometry.FEATURES).toArray();
    double[] pitch = random.doubles(LandmarkGeometry.FEATURES).toArray();
    var pose = new LandmarkPose(yaw, pitch);
    String text = pose.text(List.of("made by a test"));
    assertThat(text).startsWith("# made by a test\nyaw ");
    var back = LandmarkPose.parse(text.lines().toList());
    assertThat(back.yaw()).containsExactly(yaw, within(1e-8));
    assertThat(back.pitch()).containsExactly(pitch, within(1e-8));
    assertThatThrownBy(() -> LandmarkPose.parse(List.of("yaw 1 2"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LandmarkPose.parse(List.of("roll 1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShippedCoefficientsIgnoreRollAndFlipYawUnderAMirror() {
    LandmarkPose pose = LandmarkPose.bundled();
    HeadPose level = pose.estimate(SyntheticFace.face(300, 200, 50, 0, 0.06, 15));
    HeadPose tilted = pose.estimate(SyntheticFace.face(300, 200, 50, 50, 0.06, 15));
    HeadPose mirrored = pose.estimate(SyntheticFace.face(300, 200, 50, 0, 0.06, -15));
    assertThat(tilted.yawDegrees()).isCloseTo(level.yawDegrees(), within(1e-6));
    assertThat(tilted.pitchDegrees()).isCloseTo(level.pitchDegrees(), within(1e-6));
    assertThat(tilted.rollDegrees()).isCloseTo(50, within(1e-6));
    assertThat(mirrored.yawDegrees()).isCloseTo(-level.yawDegrees(), within(1e-6));
    assertThat(mirrored.pitchDegrees()).isCloseTo(level.pitchDegrees(), within(1e-6));
    // The drawn face turned so that its nose points to the image's left has a positive yaw, as in fr_pose.
    assertThat(level.yawDegrees()).isPositive();
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
