package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LandmarkGeometryTests {

  @Test
  void mirrorPartnersAreAnInvolutionKeepingTheNoseLine() {
    for (int i = 0; i < 68; i++) {
      assertThat(LandmarkGeometry.MIRRORED[LandmarkGeometry.MIRRORED[i]]).isEqualTo(i);
    }
    for (int i : new int[] {27, 28, 29, 30, 33, 8, 51, 57, 62, 66}) {
      assertThat(LandmarkGeometry.MIRRORED[i]).as("point %d", i).isEqualTo(i);
    }
    assertThat(LandmarkGeometry.MIRRORED[36]).isEqualTo(45);
    assertThat(LandmarkGeometry.MIRRORED[48]).isEqualTo(54);
    assertThat(LandmarkGeometry.MIRRORED[0]).isEqualTo(16);
  }

  @Test
  void theShapeIgnoresPositionSizeAndRoll() {
    double[] reference = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, 0, 0.06, 10));
    double[] moved = LandmarkGeometry.features(SyntheticFace.face(120, 400, 130, 0, 0.06, 10));
    double[] tilted = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, -55, 0.06, 10));
    assertThat(moved).containsExactly(reference, within(1e-9));
    assertThat(tilted).containsExactly(reference, within(1e-9));
    assertThat(reference[LandmarkGeometry.FEATURES - 1]).isEqualTo(1);
    assertThat(LandmarkGeometry.rollDegrees(SyntheticFace.face(300, 200, 50, -55, 0.06, 10))).isCloseTo(-55, within(1e-9));
  }

  @Test
  void mirroringTheShapeIsMirroringTheFace() {
    double[] frontal = LandmarkGeometry.features(SyntheticFace.frontal());
    assertThat(LandmarkGeometry.mirror(frontal)).containsExactly(frontal, within(1e-9));
    double[] left = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, 0, 0.06, 20));
    double[] right = LandmarkGeometry.features(SyntheticFace.face(300, 200, 50, 0, 0.06, -20));
    assertThat(LandmarkGeometry.mirror(left)).containsExactly(right, within(1e-9));
  }

  @Test
  void symmetryIsOneFacingTheCameraAndFallsAsTheHeadTurns() {
    assertThat(LandmarkGeometry.symmetry(SyntheticFace.frontal())).isCloseTo(1, within(1e-9));
    assertThat(LandmarkGeometry.symmetry(SyntheticFace.face(300, 200, 50, 40, 0.06, 0))).isCloseTo(1, within(1e-9));
    double turned20 = LandmarkGeometry.symmetry(SyntheticFace.face(300, 200, 50, 0, 0.06, 20));
    double turned40 = LandmarkGeometry.symmetry(SyntheticFace.face(300, 200, 50, 0, 0.06, 40));
    assertThat(turned20).isLessThan(0.95);
    assertThat(turned40).isLessThan(turned20);
  }
}
