package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import sightline.vision.face.FaceLandmarks;

class LandmarkFitsTests {

  private final Random random = new Random(7);
  private final double[][] person = SyntheticLandmarks.person();
  private final FaceLandmarks frontal = SyntheticLandmarks.head(person, 0, 0, 0, random);

  @Test
  void aSimilarityLeavesNoSimilarityResidual() {
    double[][] p = SyntheticLandmarks.array(frontal);
    double[][] q = new double[68][2];
    double c = Math.cos(0.3), s = Math.sin(0.3);
    for (int i = 0; i < 68; i++) {
      q[i][0] = 1.4 * (c * p[i][0] - s * p[i][1]) + 31;
      q[i][1] = 1.4 * (s * p[i][0] + c * p[i][1]) - 12;
    }
    assertThat(LandmarkFits.similarityResidual(p, q)).isCloseTo(0, within(1e-9));
    assertThat(LandmarkFits.size(q)).isCloseTo(1.4 * LandmarkFits.size(p), within(1e-9));
  }

  @Test
  void aHomographyIsRecoveredExactlyAndAMisplacedLandmarkDoesNotHideIt() {
    double[][] p = SyntheticLandmarks.array(frontal);
    double[][] q = SyntheticLandmarks.array(SyntheticLandmarks.photo(frontal, 35, 12, 40, 0.9, 10, 0, random));
    assertThat(LandmarkFits.similarityResidual(p, q)).as("the tilt is not a similarity").isGreaterThan(0.03);
    assertThat(LandmarkFits.planarResidual(p, q)).isCloseTo(0, within(1e-6));
    q[30][0] += 25;   // the nose tip misplaced by a sixth of the face
    double robust = LandmarkFits.planarResidual(p, q);
    double thatPointAlone = 25 / Math.sqrt(68) / LandmarkFits.size(q);
    assertThat(robust).as("only that point is off, the rest still fits").isLessThan(1.1 * thatPointAlone);
  }

  private final LandmarkFits.Camera camera = new LandmarkFits.Camera(0.866 * 640, 320, 240);

  @Test
  void theRigidPoseOfATurnedHeadIsFoundExactlyThroughAPinholeCamera() {
    double[][] q = SyntheticLandmarks.array(SyntheticLandmarks.head(person, 25, -10, 0, random));
    LandmarkFits.PerspectivePose pose = LandmarkFits.perspectivePose(person, q, camera, 1);
    assertThat(pose.residual()).isCloseTo(0, within(1e-9));
    assertThat(Matrices.angleDegrees(pose.rotation())).isCloseTo(26.9, within(0.5));
    assertThat(pose.translation()[2]).as("distance, in the shape's units").isCloseTo(0.866 * 640
        / SyntheticLandmarks.PIXELS_PER_UNIT, within(0.05));
    // A weak-perspective camera cannot: the face's depth is a fifth of its distance.
    assertThat(LandmarkFits.rigidPose(person, q, 1).residual()).isGreaterThan(0.02);
  }

  @Test
  void jawLinePointsCountOnlyAcrossTheJawLine() {
    double[][] q = SyntheticLandmarks.array(SyntheticLandmarks.head(person, 0, 0, 0, random));
    double[][] slid = q.clone();
    double[][] pushed = q.clone();
    for (int i = 1; i < 16; i++) {
      // each jaw point moved 4 px along the outline (towards its neighbour), or 4 px across it
      double tx = q[i + 1][0] - q[i - 1][0], ty = q[i + 1][1] - q[i - 1][1], length = Math.hypot(tx, ty);
      slid[i] = new double[] {q[i][0] + 4 * tx / length, q[i][1] + 4 * ty / length};
      pushed[i] = new double[] {q[i][0] - 4 * ty / length, q[i][1] + 4 * tx / length};
    }
    double along = LandmarkFits.perspectivePose(person, slid, camera, 1).residual();
    double across = LandmarkFits.perspectivePose(person, pushed, camera, 1).residual();
    assertThat(along).isLessThan(across / 5);
  }

  @Test
  void matricesSolveAndDecompose() {
    double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    double[] x = Matrices.solve(a, new double[] {1, 2, 3});
    assertThat(4 * x[0] + x[1]).isCloseTo(1, within(1e-12));
    assertThat(x[0] + 3 * x[1] + x[2]).isCloseTo(2, within(1e-12));
    assertThat(x[1] + 2 * x[2]).isCloseTo(3, within(1e-12));
    Matrices.Eigen e = Matrices.symmetricEigen(a);
    for (int k = 0; k < 3; k++) {
      double[] v = e.vector(k);
      for (int i = 0; i < 3; i++) {
        double av = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
        assertThat(av).isCloseTo(e.values()[k] * v[i], within(1e-10));
      }
    }
    assertThat(e.values()[0]).isLessThan(e.values()[1]);
  }
}
