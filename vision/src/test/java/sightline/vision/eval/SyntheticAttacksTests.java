package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Image;

class SyntheticAttacksTests {

  private static Image gradient() {
    byte[] rgb = new byte[640 * 480 * 3];
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        int p = 3 * (y * 640 + x);
        rgb[p] = (byte) (x * 255 / 639);
        rgb[p + 1] = (byte) (y * 255 / 479);
        rgb[p + 2] = 100;
      }
    }
    return new Image(640, 480, rgb);
  }

  @Test
  void anUntiltedPrintAtFullSizeIsTheFrameItself() {
    Image frame = gradient();
    Image same = SyntheticAttacks.planar(frame, 0, 0, 0, 1, 0);
    assertThat(same.rgbAt(320, 240)).isEqualTo(frame.rgbAt(320, 240));
    assertThat(same.rgbAt(10, 470)).isEqualTo(frame.rgbAt(10, 470));
  }

  @Test
  void aTiltedPrintShowsTheBackgroundBesideIt() {
    Image tilted = SyntheticAttacks.planar(gradient(), 45, 0, 0, 0.8, 0);
    assertThat(tilted.rgbAt(2, 240)).isEqualTo(0x707880);
    assertThat(tilted.rgbAt(320, 240)).isNotEqualTo(0x707880);
  }

  @Test
  void theBumpMovesTheInsideOfTheFaceAndLeavesTheOutline() {
    Image frame = gradient();
    var box = new BoundingBox(270, 180, 370, 300);
    Image warped = SyntheticAttacks.bump(frame, box, 0.3, false);
    int centre = warped.rgbAt(320, 240) >> 16 & 0xff;
    assertThat(centre).as("the centre now shows what was 30 px to its left").isLessThan(frame.rgbAt(320, 240) >> 16 & 0xff);
    assertThat(warped.rgbAt(320 + 76, 240)).as("0.76 widths out: untouched").isEqualTo(frame.rgbAt(320 + 76, 240));
    assertThat(SyntheticAttacks.bump(frame, box, 0, true).rgbAt(320, 240)).isEqualTo(frame.rgbAt(320, 240));
  }
}
