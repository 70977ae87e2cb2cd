package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.eval.LivenessStats.Sample;

class LivenessStatsTests {

  private static final List<Sample> SAMPLES = List.of(
      new Sample("none", 0.9), new Sample("none", 0.8), new Sample("none", 0.7), new Sample("none", 0.3),
      new Sample("print", 0.75), new Sample("print", 0.2), new Sample("print", Double.NaN),
      new Sample("replay", 0.1), new Sample("replay", 0.95));

  @Test
  void countsErrorsPerAttackTypeAtAThreshold() {
    var report = LivenessStats.at(SAMPLES, 0.7);
    assertThat(report.apcerByType()).containsOnlyKeys("print", "replay");
    assertThat(report.apcerByType().get("print")).isEqualTo(new LivenessStats.Rate(1, 3));   // 0.75 accepted
    assertThat(report.apcerByType().get("replay")).isEqualTo(new LivenessStats.Rate(1, 2));  // 0.95 accepted
    assertThat(report.bpcer()).isEqualTo(new LivenessStats.Rate(1, 4));                      // 0.3 rejected
    assertThat(report.maxApcer()).isEqualTo(0.5);
    assertThat(report.pooledApcer()).isEqualTo(new LivenessStats.Rate(2, 5));
    assertThat(report.acer()).isCloseTo((0.5 + 0.25) / 2, within(1e-12));
  }

  @Test
  void scoreEqualToTheThresholdIsAcceptedAndNoFaceNeverIs() {
    assertThat(LivenessStats.at(SAMPLES, 0.75).apcerByType().get("print").errors()).isEqualTo(1);
    assertThat(LivenessStats.at(SAMPLES, 0.0).apcerByType().get("print").errors()).isEqualTo(2);
    var noFace = List.of(new Sample("none", Double.NaN), new Sample("none", 0.9));
    assertThat(LivenessStats.at(noFace, 0.0).bpcer()).isEqualTo(new LivenessStats.Rate(1, 2));
  }

  @Test
  void thresholdForBpcerRejectsAtMostTheAllowedShareOfLiveFaces() {
    // 4 live faces: 5% allows none to fall below, so the threshold is the lowest live score.
    assertThat(LivenessStats.thresholdForBpcer(SAMPLES, 0.05)).isEqualTo(0.3);
    // 25% allows one.
    assertThat(LivenessStats.thresholdForBpcer(SAMPLES, 0.25)).isEqualTo(0.7);
    assertThat(LivenessStats.at(SAMPLES, 0.7).bpcer().value()).isEqualTo(0.25);
  }

  @Test
  void liveFacesWithoutAFaceUseUpTheBpcerBudgetFirst() {
    var samples = List.of(new Sample("none", Double.NaN), new Sample("none", 0.4), new Sample("none", 0.6),
        new Sample("none", 0.8));
    assertThat(LivenessStats.thresholdForBpcer(samples, 0.25)).isEqualTo(0.4);   // the no-face one is the allowed error
    assertThat(LivenessStats.thresholdForBpcer(samples, 0.5)).isEqualTo(0.6);
    assertThat(LivenessStats.thresholdForBpcer(samples, 0.0)).isEqualTo(0.4);    // cannot be met: lowest face score
  }
}
