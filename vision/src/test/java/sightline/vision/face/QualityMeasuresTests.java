package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QualityMeasuresTests {

  @Test
  void flatGreyIsNotSharpAndHasItsBrightness() {
    float[] grey = new float[64 * 64];
    Arrays.fill(grey, 127.5f);
    FaceQuality q = QualityMeasures.measure(grey, 64, 120);
    assertThat(q.sharpness()).isZero();
    assertThat(q.brightness()).isCloseTo(0.5, within(1e-9));
    assertThat(q.contrast()).isCloseTo(0, within(1e-6));
    assertThat(q.faceSizePx()).isEqualTo(120);
  }

  @Test
  void fineDetailIsSharperThanASmoothRamp() {
    float[] checker = new float[64 * 64];
    float[] ramp = new float[64 * 64];
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        checker[y * 64 + x] = ((x + y) & 1) == 0 ? 0 : 255;
        ramp[y * 64 + x] = x * 4;
      }
    }
    assertThat(QualityMeasures.measure(checker, 64, 100).sharpness())
        .isGreaterThan(100 * (1 + QualityMeasures.measure(ramp, 64, 100).sharpness()));
    assertThat(QualityMeasures.measure(checker, 64, 100).contrast()).isCloseTo(0.5, within(1e-3));
  }

  @Test
  void theSurroundingsAreMeasuredAroundTheBoxNotInIt() {
    int w = 200, h = 200;
    byte[] rgb = new byte[w * h * 3];
    java.util.Arrays.fill(rgb, (byte) 230);   // a bright window behind
    for (int y = 80; y < 120; y++) {
      for (int x = 80; x < 120; x++) {
        for (int c = 0; c < 3; c++) rgb[3 * (y * w + x) + c] = (byte) 40;   // a dark face
      }
    }
    var box = new sightline.vision.BoundingBox(80, 80, 120, 120);
    assertThat(QualityMeasures.surroundBrightness(rgb, w, h, box)).isCloseTo(230 / 255.0, within(0.01));
    float[] grey = new float[64 * 64];
    Arrays.fill(grey, 40f);
    FaceQuality q = QualityMeasures.measure(grey, 64, 40, QualityMeasures.surroundBrightness(rgb, w, h, box));
    assertThat(q.backlight()).isCloseTo((230 - 40) / 255.0, within(0.01));
    var filling = new sightline.vision.BoundingBox(0, 0, 200, 200);
    assertThat(QualityMeasures.surroundBrightness(rgb, w, h, filling)).as("a face that fills the frame").isNaN();
  }
}
