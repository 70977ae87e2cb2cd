package sightline.vision.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.Image;
import sightline.vision.classify.ClassifierMetadata.ChannelOrder;
import sightline.vision.classify.ClassifierMetadata.Layout;
import sightline.vision.classify.ClassifierMetadata.Output;
import sightline.vision.classify.ClassifierMetadata.ResizeMode;

class ClassifierInputTests {

  static ClassifierMetadata metadata(int width, int height, Layout layout, ChannelOrder order, ResizeMode resize,
      float crop) {
    return new ClassifierMetadata(List.of("x"), width, height, layout, order, 1f, List.of(0f, 0f, 0f),
        List.of(1f, 1f, 1f), resize, crop, 7, Output.LOGITS);
  }

  /** A 2x2 picture whose samples are all different: pixel p has (10p+1, 10p+2, 10p+3). */
  static Image distinct() {
    byte[] rgb = new byte[12];
    for (int p = 0; p < 4; p++) {
      for (int c = 0; c < 3; c++) {
        rgb[3 * p + c] = (byte) (10 * p + c + 1);
      }
    }
    return new Image(2, 2, rgb);
  }

  @Test
  void sameSizeStretchCopiesPixelsExactlyInEveryLayoutAndOrder() {
    float[] nchw = ClassifierInput.tensor(distinct(), metadata(2, 2, Layout.NCHW, ChannelOrder.RGB,
        ResizeMode.STRETCH, 1f));
    assertThat(nchw).containsExactly(1, 11, 21, 31, 2, 12, 22, 32, 3, 13, 23, 33);
    float[] nhwc = ClassifierInput.tensor(distinct(), metadata(2, 2, Layout.NHWC, ChannelOrder.RGB,
        ResizeMode.STRETCH, 1f));
    assertThat(nhwc).containsExactly(1, 2, 3, 11, 12, 13, 21, 22, 23, 31, 32, 33);
    float[] bgrPlanar = ClassifierInput.tensor(distinct(), metadata(2, 2, Layout.NCHW, ChannelOrder.BGR,
        ResizeMode.STRETCH, 1f));
    assertThat(bgrPlanar).containsExactly(3, 13, 23, 33, 2, 12, 22, 32, 1, 11, 21, 31);
    float[] bgrInterleaved = ClassifierInput.tensor(distinct(), metadata(2, 2, Layout.NHWC, ChannelOrder.BGR,
        ResizeMode.STRETCH, 1f));
    assertThat(bgrInterleaved).containsExactly(3, 2, 1, 13, 12, 11, 23, 22, 21, 33, 32, 31);
  }

  @Test
  void normalisationUsesScaleMeanAndStdOfTheModelChannel() {
    var m = new ClassifierMetadata(List.of("x"), 2, 2, Layout.NHWC, ChannelOrder.BGR, 0.5f, List.of(1f, 2f, 3f),
        List.of(2f, 4f, 8f), ResizeMode.STRETCH, 1f, 0, Output.LOGITS);
    float[] t = ClassifierInput.tensor(distinct(), m);
    // First pixel (1, 2, 3) in BGR: blue 3 -> (1.5-1)/2, green 2 -> (1-2)/4, red 1 -> (0.5-3)/8.
    assertThat(t[0]).isCloseTo(0.25f, within(1e-6f));
    assertThat(t[1]).isCloseTo(-0.25f, within(1e-6f));
    assertThat(t[2]).isCloseTo(-0.3125f, within(1e-6f));
  }

  @Test
  void enlargingInterpolatesBilinearly() {
    // A 2x1 picture, black then white, doubled to 4x1: samples at 0.25, 0.75, 1.25, 1.75 source pixels.
    Image image = new Image(2, 1, new byte[] {0, 0, 0, (byte) 200, (byte) 200, (byte) 200});
    float[] fitted = ClassifierInput.fit(image, metadata(4, 1, Layout.NHWC, ChannelOrder.RGB, ResizeMode.STRETCH,
        1f));
    assertThat(new float[] {fitted[0], fitted[3], fitted[6], fitted[9]})
        .containsExactly(new float[] {0, 50, 150, 200}, within(1e-4f));
  }

  @Test
  void shrinkingAveragesInsteadOfSkippingPixels() {
    // One-pixel stripes, 255 and 0, shrunk 8x: every output pixel must be close to the average, not 0 or 255.
    int w = 64;
    byte[] rgb = new byte[w * 8 * 3];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < w; x += 2) {
        for (int c = 0; c < 3; c++) {
          rgb[3 * (y * w + x) + c] = (byte) 255;
        }
      }
    }
    float[] fitted = ClassifierInput.fit(new Image(w, 8, rgb), metadata(8, 1, Layout.NHWC, ChannelOrder.RGB,
        ResizeMode.STRETCH, 1f));
    for (int i = 1; i < 7; i++) { // edge pixels repeat the border, so only the inner ones are exact averages
      assertThat(fitted[3 * i]).as("pixel %d", i).isCloseTo(127.5f, within(4f));
    }
    // A uniform picture stays exactly uniform at any scale.
    byte[] grey = new byte[37 * 23 * 3];
    java.util.Arrays.fill(grey, (byte) 90);
    float[] shrunk = ClassifierInput.fit(new Image(37, 23, grey), metadata(5, 4, Layout.NHWC, ChannelOrder.RGB,
        ResizeMode.STRETCH, 1f));
    for (float v : shrunk) {
      assertThat(v).isCloseTo(90f, within(1e-3f));
    }
  }

  @Test
  void centreCropKeepsTheMiddleAndLetterboxPadsTheBars() {
    // 6x2: columns 0-1 value 10, 2-3 value 20, 4-5 value 30 (all channels).
    byte[] rgb = new byte[6 * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 6; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[3 * (y * 6 + x) + c] = (byte) (10 * (1 + x / 2));
        }
      }
    }
    Image image = new Image(6, 2, rgb);
    float[] crop = ClassifierInput.fit(image, metadata(2, 2, Layout.NHWC, ChannelOrder.RGB, ResizeMode.CENTER_CROP,
        1f));
    for (float v : crop) {
      assertThat(v).isEqualTo(20f);
    }
    // 6x2 into 6x6: the picture keeps its size and sits in rows 2-3; rows 0-1 and 4-5 are bars of pad (7).
    float[] box = ClassifierInput.fit(image, metadata(6, 6, Layout.NHWC, ChannelOrder.RGB, ResizeMode.LETTERBOX,
        1f));
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        float expected = y == 2 || y == 3 ? 10 * (1 + x / 2) : 7;
        assertThat(box[3 * (y * 6 + x)]).as("(%d, %d)", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void resamplingMatchesTheTwoDimensionalSumWhicheverPassRunsFirst() {
    var random = new java.util.Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int sw = 1 + random.nextInt(30), sh = 1 + random.nextInt(30);
      byte[] rgb = new byte[sw * sh * 3];
      random.nextBytes(rgb);
      int dw = 1 + random.nextInt(15), dh = 1 + random.nextInt(15); // shrinks or enlarges either axis
      float[] target = new float[dw * dh * 3];
      Resampling.resample(rgb, sw, sh, 0, 0, sw, sh, target, dw, 0, 0, dw, dh);
      Resampling.Taps columns = Resampling.Taps.of(sw, 0, sw, dw);
      Resampling.Taps rows = Resampling.Taps.of(sh, 0, sh, dh);
      for (int i = 0; i < dh; i++) {
        for (int j = 0; j < dw; j++) {
          for (int c = 0; c < 3; c++) {
            double expected = 0;
            for (int t = 0; t < rows.count()[i]; t++) {
              for (int u = 0; u < columns.count()[j]; u++) {
                int p = 3 * ((rows.first()[i] + t) * sw + columns.first()[j] + u) + c;
                expected += (double) rows.weights()[i * rows.stride() + t] * columns.weights()[j * columns.stride() + u]
                    * (rgb[p] & 0xff);
              }
            }
            assertThat(target[3 * (i * dw + j) + c]).as("trial %d (%d,%d,%d)", trial, j, i, c)
                .isCloseTo((float) expected, within(2e-3f));
          }
        }
      }
    }
  }

  @Test
  void fittingAnExtremeShapeCostsTimeInProportionToItsPixels() {
    // 23 million pixels in one column or one row, stretched to 224 x 224. Filtering every source row first cost
    // 23 million x 224 multiply-adds (and a buffer too large for an array); the bound is generous on purpose.
    int n = 23_000_000;
    byte[] rgb = new byte[n * 3];
    java.util.Arrays.fill(rgb, (byte) 90);
    var metadata = metadata(224, 224, Layout.NHWC, ChannelOrder.RGB, ResizeMode.STRETCH, 1f);
    org.junit.jupiter.api.Assertions.assertTimeout(java.time.Duration.ofSeconds(10), () -> {
      for (Image image : new Image[] {new Image(1, n, rgb), new Image(n, 1, rgb)}) {
        float[] fitted = ClassifierInput.fit(image, metadata);
        assertThat(fitted[3 * (112 * 224 + 112)]).isCloseTo(90f, within(1e-2f));
      }
    });
  }

  @Test
  void softmaxIsStableForLargeLogits() {
    float[] p = ClassifierOutput.softmax(new float[] {1000f, 1000f, -1000f});
    assertThat(p).containsExactly(new float[] {0.5f, 0.5f, 0f}, within(1e-7f));
  }
}
