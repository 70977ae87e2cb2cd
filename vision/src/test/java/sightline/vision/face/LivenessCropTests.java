package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;

class LivenessCropTests {

  @Test
  void scalesTheBoxAroundItsCentreWhenItFits() {
    var region = LivenessCrop.region(new BoundingBox(400, 300, 500, 400), 1000, 1000, 2.7);
    assertThat(region.width()).isCloseTo(270, within(1e-9));
    assertThat(region.height()).isCloseTo(270, within(1e-9));
    assertThat(region.x()).isCloseTo(450 - 135, within(1e-9));
    assertThat(region.y()).isCloseTo(350 - 135, within(1e-9));
  }

  @Test
  void shiftsTheCropInsideTheImageInsteadOfPadding() {
    // Box near the top-left corner: the 270-pixel crop would start at -85; it is moved to 0, keeping its size.
    var region = LivenessCrop.region(new BoundingBox(0, 0, 100, 100), 1000, 1000, 2.7);
    assertThat(region.x()).isZero();
    assertThat(region.y()).isZero();
    assertThat(region.width()).isCloseTo(270, within(1e-9));
    // And near the bottom-right corner it ends at the last pixel (size - 1, as the training code does).
    var far = LivenessCrop.region(new BoundingBox(900, 900, 1000, 1000), 1000, 1000, 2.7);
    assertThat(far.x() + far.width()).isCloseTo(999, within(1e-9));
    assertThat(far.y() + far.height()).isCloseTo(999, within(1e-9));
  }

  @Test
  void reducesTheScaleWhenTheScaledBoxIsLargerThanTheImage() {
    // A 200x300 box in a 720x480 frame: 2.7x would be 810 tall; the scale drops to 479/300.
    var region = LivenessCrop.region(new BoundingBox(260, 90, 460, 390), 720, 480, 2.7);
    assertThat(region.height()).isCloseTo(479, within(1e-9));
    assertThat(region.width()).isCloseTo(200 * 479 / 300.0, within(1e-9));
    assertThat(region.y()).isZero();
    assertThat(region.x() + region.width() / 2).isCloseTo(360, within(1e-9));
  }

  @Test
  void writesPlanarBgrWithRawValues() {
    // A 1x1 image of (10, 20, 30), blown up to the whole input.
    byte[] rgb = {10, 20, 30};
    float[] input = LivenessCrop.input(rgb, 1, 1, new LivenessCrop.Region(0, 0, 1, 1));
    int n = LivenessCrop.SIZE * LivenessCrop.SIZE;
    assertThat(input).hasSize(3 * n);
    assertThat(input[0]).isEqualTo(30f);          // plane 0 is blue
    assertThat(input[n]).isEqualTo(20f);          // plane 1 is green
    assertThat(input[2 * n]).isEqualTo(10f);      // plane 2 is red
    assertThat(input[n - 1]).isEqualTo(30f);      // no mean, no scale anywhere in the crop
  }

  @Test
  void interpolatesBilinearlyBetweenPixelCentres() {
    // 2x1 image grey 0 and 200, crop covering both: output column c samples x = (c + 0.5) * 2/128 - 0.5.
    byte[] rgb = {0, 0, 0, (byte) 200, (byte) 200, (byte) 200};
    float[] input = LivenessCrop.input(rgb, 2, 1, new LivenessCrop.Region(0, 0, 2, 1));
    assertThat(input[0]).isEqualTo(0f);                                 // left of the first centre: clamped
    assertThat(input[64]).isCloseTo(200 * 0.5078125f, within(1e-3f));   // x = 64.5 / 64 - 0.5
    assertThat(input[127]).isEqualTo(200f);
  }

  @Test
  void liveScoreIsTheSoftmaxOfClassZero() {
    assertThat(LivenessCrop.liveScore(new float[] {0, 0, 0})).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(LivenessCrop.liveScore(new float[] {2, 0, -1}))
        .isCloseTo(Math.exp(2) / (Math.exp(2) + 1 + Math.exp(-1)), within(1e-9));
    assertThat(LivenessCrop.liveScore(new float[] {1000, 0, 0})).isEqualTo(1.0);   // no overflow
    assertThatThrownBy(() -> LivenessCrop.liveScore(new float[2])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verdictFollowsScoreAndThreshold() {
    assertThat(LivenessAssessment.of(0.6, 0.6).verdict()).isEqualTo(LivenessVerdict.LIVE);
    assertThat(LivenessAssessment.of(0.59, 0.6).verdict()).isEqualTo(LivenessVerdict.SPOOF);
    assertThat(LivenessAssessment.of(0.59, 0.6).isLive()).isFalse();
    assertThatThrownBy(() -> new LivenessAssessment(LivenessVerdict.LIVE, 0.1, 0.6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LivenessAssessment.of(1.5, 0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LivenessAssessment.of(Double.NaN, 0.6)).isInstanceOf(IllegalArgumentException.class);
  }
}
