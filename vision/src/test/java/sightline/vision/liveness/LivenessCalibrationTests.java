package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LivenessCalibrationTests {

  @Test
  void proposesTheHighestThresholdWithinTheBudget() {
    double[] scores = new double[20];
    for (int i = 0; i < 20; i++) scores[i] = (i + 1) / 20.0;   // 0.05 … 1.00
    // 5% of 20 is one session: it may fall below, so the threshold is the second lowest score.
    double t = LivenessCalibration.thresholdForBpcer(scores, 0.05);
    assertThat(t).isEqualTo(0.10);
    assertThat(LivenessCalibration.shareBelow(scores, t)).isEqualTo(0.05);
    assertThat(LivenessCalibration.thresholdForBpcer(scores, 0.0)).isEqualTo(0.05);
  }

  @Test
  void sessionsWithoutAScoreCountAsRefused() {
    double[] scores = {Double.NaN, 0.4, 0.6, 0.8};
    assertThat(LivenessCalibration.thresholdForBpcer(scores, 0.25)).isEqualTo(0.4);
    assertThat(LivenessCalibration.shareBelow(scores, 0.4)).isEqualTo(0.25);
    assertThatThrownBy(() -> LivenessCalibration.thresholdForBpcer(new double[0], 0.05))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LivenessCalibration.thresholdForBpcer(scores, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
