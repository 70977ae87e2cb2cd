package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplingTests {

  @Test
  void bilinearUpscaleFollowsPixelCentres() {
    // Two pixels, 0 and 100 in red; doubling the width gives 0, 25, 75, 100 (OpenCV INTER_LINEAR).
    byte[] rgb = {0, 0, 0, 100, 0, 0};
    float[] out = Resampling.resize(rgb, 2, 1, 0, 0, 2, 1, 4, 1);
    assertThat(new float[] {out[0], out[3], out[6], out[9]}).containsExactly(0f, 25f, 75f, 100f);
  }

  @Test
  void largeDownscaleAveragesTheCoveredPixels() {
    byte[] rgb = new byte[6 * 1 * 3];
    for (int x = 0; x < 6; x++) rgb[3 * x + 1] = (byte) (x * 10);
    float[] out = Resampling.resize(rgb, 6, 1, 0, 0, 6, 1, 2, 1);
    assertThat(out[1]).isCloseTo(10f, within(1e-5f));  // mean of 0, 10, 20
    assertThat(out[4]).isCloseTo(40f, within(1e-5f));  // mean of 30, 40, 50
  }

  @Test
  void areaResizeMatchesTheDirectMeanForAnyRegion() {
    var random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int w = 1 + random.nextInt(40), h = 1 + random.nextInt(40);
      byte[] rgb = new byte[w * h * 3];
      random.nextBytes(rgb);
      // Regions inside, across and far outside the picture; output shapes that shrink one axis and enlarge the other.
      double x0 = random.nextInt(3 * w) - w, y0 = random.nextInt(3 * h) - h;
      double cw = 1 + random.nextDouble() * 3 * w, ch = 1 + random.nextDouble() * 3 * h;
      int outW = 1 + random.nextInt(12), outH = 1 + random.nextInt(12);
      if (cw / outW <= 2 && ch / outH <= 2) continue; // the bilinear path
      float[] out = Resampling.resize(rgb, w, h, x0, y0, cw, ch, outW, outH);
      float[] expected = directMeans(rgb, w, h, x0, y0, cw / outW, ch / outH, outW, outH);
      assertThat(out).as("trial %d: %dx%d, region %s,%s %sx%s to %dx%d", trial, w, h, x0, y0, cw, ch, outW, outH)
          .containsExactly(expected, within(1e-3f));
    }
  }

  /** Each output pixel as the plain mean of its covered rectangle, indices clamped: the definition, quadratic. */
  private static float[] directMeans(byte[] rgb, int w, int h, double x0, double y0, double sx, double sy, int outW,
      int outH) {
    float[] out = new float[outW * outH * 3];
    for (int oy = 0; oy < outH; oy++) {
      int ya = (int) Math.floor(y0 + oy * sy);
      int yb = Math.max(ya + 1, (int) Math.ceil(y0 + (oy + 1) * sy));
      for (int ox = 0; ox < outW; ox++) {
        int xa = (int) Math.floor(x0 + ox * sx);
        int xb = Math.max(xa + 1, (int) Math.ceil(x0 + (ox + 1) * sx));
        double[] sum = new double[3];
        for (int y = ya; y < yb; y++) {
          for (int x = xa; x < xb; x++) {
            int p = 3 * (Math.clamp(y, 0, h - 1) * w + Math.clamp(x, 0, w - 1));
            for (int c = 0; c < 3; c++) sum[c] += rgb[p + c] & 0xff;
          }
        }
        for (int c = 0; c < 3; c++) out[3 * (oy * outW + ox) + c] = (float) (sum[c] / ((yb - ya) * (xb - xa)));
      }
    }
    return out;
  }

  @Test
  void shrinkingAnExtremeShapeCostsTimeInProportionToItsPixels() {
    // 23 million pixels in one row or one column, shrunk for the detector (320 x 240). Summing each output pixel's
    // rectangle directly took 28 s; the separable sums take well under a second. The bound is generous on purpose.
    int n = 23_000_000;
    byte[] rgb = new byte[n * 3];
    for (int i = 0; i < rgb.length; i += 3 * 1000) rgb[i] = (byte) 200;
    org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(10), () -> {
      float[] tall = Resampling.resize(rgb, 1, n, 0, 0, 1, n, 320, 240);
      assertThat(tall[0]).isCloseTo(0.2f, within(0.01f)); // one red pixel in every 1000
      float[] wide = Resampling.resize(rgb, n, 1, 0, 0, n, 1, 320, 240);
      assertThat(wide[3 * 321]).isCloseTo(0.2f, within(0.01f));
    });
  }

  @Test
  void planarSplitsChannels() {
    float[] planar = Resampling.planar(new float[] {1, 2, 3, 4, 5, 6}, 0, 1);
    assertThat(planar).containsExactly(1, 4, 2, 5, 3, 6);
  }
}
