package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

class PoseAndEyeCropsTests {

  @Test
  void binnedAngleIsTheSoftmaxExpectationTimesThreeMinusNinetyNine() {
    float[] peaked = new float[66];
    Arrays.fill(peaked, -100f);
    peaked[33] = 100f;
    assertThat(PoseAndEyeCrops.binnedAngle(peaked)).isCloseTo(0, within(1e-6));
    float[] twoBins = new float[66];
    Arrays.fill(twoBins, -100f);
    twoBins[10] = 5f;
    twoBins[12] = 5f;
    assertThat(PoseAndEyeCrops.binnedAngle(twoBins)).isCloseTo(11 * 3 - 99, within(1e-6));
    float[] flat = new float[66];
    assertThat(PoseAndEyeCrops.binnedAngle(flat)).isCloseTo(32.5 * 3 - 99, within(1e-9));
  }

  @Test
  void poseRegionGrowsTheBoxByAQuarterAndClips() {
    assertThat(PoseAndEyeCrops.poseRegion(new BoundingBox(40, 40, 80, 120), 1000, 1000))
        .isEqualTo(new BoundingBox(30, 20, 90, 140));
    assertThat(PoseAndEyeCrops.poseRegion(new BoundingBox(0, 0, 40, 40), 45, 1000))
        .isEqualTo(new BoundingBox(0, 0, 45, 50));
  }

  @Test
  void poseInputUsesImageNetNormalisation() {
    byte[] rgb = new byte[4 * 4 * 3];
    Arrays.fill(rgb, (byte) 255);
    float[] in = PoseAndEyeCrops.poseInput(rgb, 4, 4, new BoundingBox(0, 0, 4, 4));
    int n = 224 * 224;
    assertThat(in[0]).isCloseTo((1 - 0.485f) / 0.229f, within(1e-4f));
    assertThat(in[n + 5]).isCloseTo((1 - 0.456f) / 0.224f, within(1e-4f));
    assertThat(in[2 * n + 7]).isCloseTo((1 - 0.406f) / 0.225f, within(1e-4f));
  }

  @Test
  void eyeRegionIsASquareAroundTheLids() {
    List<Point> eye = List.of(new Point(0, 10), new Point(3, 8), new Point(7, 8), new Point(10, 10),
        new Point(7, 12), new Point(3, 12));
    BoundingBox region = PoseAndEyeCrops.eyeRegion(eye);
    assertThat(region.centre()).isEqualTo(new Point(5, 10));
    assertThat(region.width()).isCloseTo(16, within(1e-9));
    assertThat(region.height()).isCloseTo(16, within(1e-9));
    assertThat(PoseAndEyeCrops.firstClassProbability(new float[] {2f, 2f})).isCloseTo(0.5, within(1e-12));
    assertThat(PoseAndEyeCrops.firstClassProbability(new float[] {10f, -10f})).isGreaterThan(0.999);
  }

  @Test
  void livenessRegionScalesTheBoxAndShiftsItInsideTheImage() {
    var region = PoseAndEyeCrops.livenessRegion(new BoundingBox(100, 100, 200, 200), 1000, 1000);
    assertThat(region).isEqualTo(new BoundingBox(15, 15, 285, 285));
    var nearEdge = PoseAndEyeCrops.livenessRegion(new BoundingBox(0, 0, 100, 100), 1000, 1000);
    assertThat(nearEdge.left()).isZero();
    assertThat(nearEdge.width()).isCloseTo(270, within(1e-9));
    var small = PoseAndEyeCrops.livenessRegion(new BoundingBox(10, 10, 90, 90), 101, 101);
    assertThat(small.width()).isCloseTo(100, within(1e-9)); // 2.7x would not fit: scale to the image
  }

  @Test
  void livenessInputIsRawPlanarBgr() {
    byte[] rgb = {(byte) 200, 100, 50};
    float[] in = PoseAndEyeCrops.livenessInput(rgb, 1, 1, new BoundingBox(0, 0, 1, 1));
    int n = 128 * 128;
    assertThat(in[0]).isEqualTo(50f);
    assertThat(in[n]).isEqualTo(100f);
    assertThat(in[2 * n]).isEqualTo(200f);
    assertThat(PoseAndEyeCrops.probability(new float[] {0, 0, 0}, 2)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(Liveness.of(0.95).verdict()).isEqualTo(LivenessVerdict.LIVE);
    assertThat(Liveness.of(0.5).verdict()).isEqualTo(LivenessVerdict.SPOOF);
    assertThat(Liveness.of(0.5).verdictAt(0.4)).isEqualTo(LivenessVerdict.LIVE);
  }

  @Test
  void miniFasNetFramesTheBoxAtItsOwnScaleAndFeedsRawBgr() {
    var v1se = PoseAndEyeCrops.livenessRegion(new BoundingBox(400, 400, 500, 500), 1000, 1000,
        PoseAndEyeCrops.MINIFASNET_V1SE_SCALE);
    assertThat(v1se).isEqualTo(new BoundingBox(250, 250, 650, 650));
    var v2 = PoseAndEyeCrops.livenessRegion(new BoundingBox(400, 400, 500, 500), 1000, 1000,
        PoseAndEyeCrops.MINIFASNET_V2_SCALE);
    assertThat(v2.width()).isCloseTo(270, within(1e-9));
    byte[] rgb = {(byte) 200, 100, 50};
    float[] in = PoseAndEyeCrops.miniFasNetInput(rgb, 1, 1, new BoundingBox(0, 0, 1, 1));
    int n = 80 * 80;
    assertThat(in).hasSize(3 * n);
    assertThat(in[0]).isEqualTo(50f);
    assertThat(in[n]).isEqualTo(100f);
    assertThat(in[2 * n]).isEqualTo(200f);
    assertThat(PoseAndEyeCrops.probability(new float[] {0, 5, 0}, PoseAndEyeCrops.MINIFASNET_LIVE_CLASS))
        .isGreaterThan(0.98);
  }
}
