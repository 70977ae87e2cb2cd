package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;

class DetectionTests {

  @Test
  void inputIsPlanarRgbScaledAroundOneHundredTwentySeven() {
    int w = 640, h = 480;
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      rgb[3 * i] = (byte) 255;  // R
      rgb[3 * i + 1] = 127;     // G
      rgb[3 * i + 2] = 0;       // B
    }
    float[] input = Detection.input(rgb, w, h);
    int plane = Detection.INPUT_WIDTH * Detection.INPUT_HEIGHT;
    assertThat(input).hasSize(3 * plane);
    assertThat(input[0]).isCloseTo(1f, within(1e-6f));               // (255 - 127) / 128
    assertThat(input[plane + 17]).isCloseTo(0f, within(1e-6f));      // (127 - 127) / 128
    assertThat(input[2 * plane + 99]).isCloseTo(-127f / 128f, within(1e-6f));
  }

  @Test
  void stretchesTheWholePictureIncludingLargeOnesWithoutAliasing() {
    // A 1920x1440 checkerboard of single pixels averages to mid-grey, not to stripes.
    int w = 1920, h = 1440;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        byte v = (byte) (((x + y) & 1) == 0 ? 255 : 0);
        int i = 3 * (y * w + x);
        rgb[i] = v;
        rgb[i + 1] = v;
        rgb[i + 2] = v;
      }
    }
    float[] input = Detection.input(rgb, w, h);
    for (int i = 0; i < input.length; i += 997) {
      assertThat(input[i]).isCloseTo(0.5f / 128f, within(0.02f));
    }
  }

  @Test
  void decodesNormalisedCornersToSourcePixelsAboveTheThreshold() {
    float[] scores = {0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f};
    float[] boxes = {
        0, 0, 1, 1,
        0.1f, 0.2f, 0.3f, 0.6f,
        -0.1f, 0.5f, 0.5f, 1.2f};
    var candidates = Detection.decode(scores, boxes, 0.65f, 640, 480);
    assertThat(candidates).hasSize(2);
    assertThat(candidates.get(0).score()).isEqualTo(0.8f);
    BoundingBox best = candidates.get(0).box();
    assertThat(best.left()).isCloseTo(64, within(1e-3));
    assertThat(best.top()).isCloseTo(96, within(1e-3));
    assertThat(best.right()).isCloseTo(192, within(1e-3));
    assertThat(best.bottom()).isCloseTo(288, within(1e-3));
    assertThat(candidates.get(1).box()).isEqualTo(new BoundingBox(0, 240, 320, 480)); // clipped to the image
  }

  @Test
  void suppressionKeepsTheBestOfOverlappingBoxes() {
    var a = new Detection.Candidate(new BoundingBox(0, 0, 100, 100), 0.99f);
    var b = new Detection.Candidate(new BoundingBox(5, 5, 105, 105), 0.95f);   // IoU 0.82 with a
    var c = new Detection.Candidate(new BoundingBox(200, 0, 300, 100), 0.90f); // disjoint
    var d = new Detection.Candidate(new BoundingBox(60, 0, 160, 100), 0.80f);  // IoU 0.25 with a
    assertThat(Detection.suppressOverlaps(List.of(a, b, c, d), 0.4)).containsExactly(a, c, d);
    assertThat(Detection.suppressOverlaps(List.of(a, b, c, d), 0.2)).containsExactly(a, c);
  }
}
