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
  void aFitOnSyntheticViewsOfTheMeanFaceReadsTheTurnOfAnotherView() {
    double[][] meanFace = sightline.vision.liveness.MeanFace.standard().points();
    var random = new Random(7);
    var features = new ArrayList<double[]>();
    var angles = new ArrayList<double[]>();
    for (int i = 0; i < 3000; i++) {
      double yaw = 100 * random.nextDouble() - 50, pitch = 80 * random.nextDouble() - 40;
      double roll = 60 * random.nextDouble() - 30;
      features.add(LandmarkGeometry.features(LandmarkPoseFit.synthetic(meanFace, yaw, pitch, roll, random)));
      angles.add(new double[] {yaw, pitch});
    }
    LandmarkPose pose = LandmarkPose.fit(features, angles, LandmarkPoseFit.LAMBDA);
    double yawError = 0, pitchError = 0;
    int views = 300;
    for (int i = 0; i < views; i++) {
      double yaw = 80 * random.nextDouble() - 40, pitch = 60 * random.nextDouble() - 30;
      double roll = 40 * random.nextDouble() - 20;
      HeadPose estimate = pose.estimate(LandmarkPoseFit.synthetic(meanFace, yaw, pitch, roll, random));
      yawError += Math.pow(estimate.yawDegrees() - yaw, 2);
      pitchError += Math.pow(estimate.pitchDegrees() - pitch, 2);
    }
    // Another person's proportions (depth varied 15%: a turn of 40 degrees then reads 6 off) and landmark noise
    // leave a few degrees, as on real faces.
    assertThat(Math.sqrt(yawError / views)).as("yaw RMSE").isLessThan(7);
    assertThat(Math.sqrt(pitchError / views)).as("pitch RMSE").isLessThan(7);
  }

  @Test
  void calibrationFindsTheGainsAndTheOffsetOfAnotherConvention() {
    var random = new Random(9);
    double[] yaw = new double[LandmarkGeometry.FEATURES], pitch = new double[LandmarkGeometry.FEATURES];
    yaw[60] = 100;      // the nose tip's x: flips under a mirror, as yaw does
    pitch[61] = 100;
    var geometric = new LandmarkPose(yaw, pitch);
    var features = new ArrayList<double[]>();
    var targets = new ArrayList<double[]>();
    for (int i = 0; i < 200; i++) {
      double[] f = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, 0, 0.03 + 0.04 * random.nextDouble(),
          -30 + 60 * random.nextDouble()));
      features.add(f);
      targets.add(new double[] {0.8 * 100 * f[60], 0.6 * 100 * f[61] - 3});
    }
    var calibration = LandmarkPoseFit.calibrate(geometric, features, targets);
    assertThat(calibration.yawGain()).isCloseTo(0.8, within(1e-6));
    assertThat(calibration.pitchGain()).isCloseTo(0.6, within(1e-6));
    assertThat(calibration.pitchOffset()).isCloseTo(-3, within(1e-6));
    double[] f = features.getFirst();
    assertThat(dot(calibration.pose().pitch(), f)).isCloseTo(targets.getFirst()[1], within(1e-6));
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
