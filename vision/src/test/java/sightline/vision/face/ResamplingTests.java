package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void planarSplitsChannels() {
    float[] planar = Resampling.planar(new float[] {1, 2, 3, 4, 5, 6}, 0, 1);
    assertThat(planar).containsExactly(1, 4, 2, 5, 3, 6);
  }
}
