package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.Point;

class FaceAlignmentTests {

  private static double[] apply(double[] m, double[] points) {
    double[] out = new double[points.length];
    for (int i = 0; i < points.length; i += 2) {
      out[i] = m[0] * points[i] + m[1] * points[i + 1] + m[2];
      out[i + 1] = m[3] * points[i] + m[4] * points[i + 1] + m[5];
    }
    return out;
  }

  @Test
  void recoversAnExactSimilarityTransform() {
    double angle = Math.toRadians(17), scale = 0.42;
    double a = scale * Math.cos(angle), b = scale * Math.sin(angle);
    double[] truth = {a, -b, 12.5, b, a, -7.25};
    double[] src = {100, 120, 160, 118, 131, 150, 108, 180, 155, 178};
    double[] m = FaceAlignment.similarity(src, apply(truth, src));
    for (int i = 0; i < 6; i++) {
      assertThat(m[i]).isCloseTo(truth[i], within(1e-9));
    }
  }

  @Test
  void leastSquaresFitHasNoShearWhenPointsAreNoisy() {
    double[] src = {100, 120, 160, 118, 131, 150, 108, 180, 155, 178};
    double[] dst = FaceAlignment.REFERENCE.clone();
    dst[0] += 2; // one eye off by 2 px
    double[] m = FaceAlignment.similarity(src, dst);
    assertThat(m[0]).isEqualTo(m[4]);
    assertThat(m[1]).isEqualTo(-m[3]);
    // Residuals are spread over all points, not forced to zero on three of them.
    double[] mapped = apply(m, src);
    double worst = 0;
    for (int i = 0; i < mapped.length; i++) worst = Math.max(worst, Math.abs(mapped[i] - dst[i]));
    assertThat(worst).isLessThan(15);
  }

  @Test
  void inverseUndoesTheTransform() {
    double[] m = {0.3, -0.1, 5, 0.1, 0.3, -2};
    double[] back = apply(FaceAlignment.invert(m), apply(m, new double[] {7, 11}));
    assertThat(back[0]).isCloseTo(7, within(1e-9));
    assertThat(back[1]).isCloseTo(11, within(1e-9));
  }

  @Test
  void landmarksAlreadyOnTheTemplateGiveAnIdentityWarp() {
    int w = 112, h = 112;
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < rgb.length; i++) rgb[i] = (byte) (i * 31);
    var points = List.of(new Point(38.29459953, 51.69630051), new Point(73.53179932, 51.50139999),
        new Point(56.02519989, 71.73660278), new Point(41.54930115, 92.3655014), new Point(70.72990036, 92.20410156));
    float[] aligned = FaceAlignment.alignedFace(rgb, w, h, points);
    for (int i = 0; i < aligned.length; i += 101) {
      assertThat(aligned[i]).isCloseTo(rgb[i] & 0xff, within(0.01f));
    }
  }

  @Test
  void warpFillsOutsideTheImageWithBlackAndInputIsPlanarNormalised() {
    byte[] white = new byte[4 * 4 * 3];
    java.util.Arrays.fill(white, (byte) 255);
    double[] shiftFarAway = {1, 0, 1000, 0, 1, 1000};
    float[] warped = Resampling.warp(white, 4, 4, shiftFarAway, 2, 2);
    assertThat(warped).containsOnly(0f);
    float[] input = FaceAlignment.input(new float[] {255, 127, 0});
    assertThat(input).containsExactly(1f, 0f, -127f / 128f);
  }
}
