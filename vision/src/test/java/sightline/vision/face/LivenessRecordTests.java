package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;

/** The liveness verdict record and the crop geometry, on plain values (no model). */
class LivenessRecordTests {

  @Test
  void verdictFollowsScoreAndTheThresholdItKeeps() {
    assertThat(Liveness.of(0.6, 0.6)).isEqualTo(new Liveness(0.6, LivenessVerdict.LIVE, 0.6));
    assertThat(Liveness.of(0.59, 0.6).verdict()).isEqualTo(LivenessVerdict.SPOOF);
    assertThat(Liveness.of(0.59, 0.6).isLive()).isFalse();
    assertThat(Liveness.of(0.95).threshold()).isEqualTo(Liveness.DEFAULT_THRESHOLD);
    assertThat(Liveness.of(0.5, 0.6).verdictAt(0.4)).isEqualTo(LivenessVerdict.LIVE);
  }

  @Test
  void refusesContradictionsAndValuesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new Liveness(0.1, LivenessVerdict.LIVE, 0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Liveness.of(1.5, 0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Liveness.of(Double.NaN, 0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Liveness.of(0.5, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceAnalyzer.Options.defaults().withLivenessThreshold(2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cropEndsAtTheLastPixelNearTheBottomRightCorner() {
    var region = PoseAndEyeCrops.livenessRegion(new BoundingBox(900, 900, 1000, 1000), 1000, 1000);
    assertThat(region.right()).isCloseTo(999, within(1e-9));
    assertThat(region.bottom()).isCloseTo(999, within(1e-9));
    assertThat(region.width()).isCloseTo(270, within(1e-9));
  }

  @Test
  void cropKeepsTheBoxAspectWhenTheFrameLimitsTheScale() {
    // A 200x300 face in a 720x480 frame (MSU-MFSD size): 2.7x would be 810 tall, so the scale drops to 479/300.
    var region = PoseAndEyeCrops.livenessRegion(new BoundingBox(260, 90, 460, 390), 720, 480);
    assertThat(region.height()).isCloseTo(479, within(1e-9));
    assertThat(region.width()).isCloseTo(200 * 479 / 300.0, within(1e-9));
    assertThat(region.top()).isZero();
    assertThat(region.centre().x()).isCloseTo(360, within(1e-9));
  }
}
