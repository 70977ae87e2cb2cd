package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxScalerTests {

  @Test
  void everyOutputPixelIsTheRoundedMeanOfItsSourcePixels() {
    var random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int w = 1 + random.nextInt(50), h = 1 + random.nextInt(50);
      int outW = 1 + random.nextInt(w), outH = 1 + random.nextInt(h);
      byte[] rgb = new byte[w * h * 3];
      random.nextBytes(rgb);
      var scaler = new BoxScaler(w, h, outW, outH);
      for (int y = 0; y < h; y++) scaler.addRow(rgb, 3 * w * y);
      Image out = scaler.result();
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          long[] sum = new long[3];
          int n = 0;
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              if ((long) x * outW / w != ox || (long) y * outH / h != oy) continue;
              for (int c = 0; c < 3; c++) sum[c] += rgb[3 * (y * w + x) + c] & 0xff;
              n++;
            }
          }
          int expected = 0;
          for (int c = 0; c < 3; c++) expected = expected << 8 | (int) ((sum[c] + n / 2) / n);
          assertThat(out.rgbAt(ox, oy)).as("trial %d, %dx%d to %dx%d, (%d,%d)", trial, w, h, outW, outH, ox, oy)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void refusesToEnlargeAndToFinishEarly() {
    assertThatThrownBy(() -> new BoxScaler(4, 4, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    var scaler = new BoxScaler(4, 4, 2, 2);
    scaler.addRow(new byte[12], 0);
    assertThatThrownBy(scaler::result).isInstanceOf(IllegalStateException.class);
  }
}
