package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenEyeBaselineTests {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void learnsAHighQuantileOfThePersonsOwnRatios() {
    var baseline = new OpenEyeBaseline();
    assertThat(baseline.learning()).isTrue();
    assertThat(baseline.value()).isNaN();
    for (int i = 0; i < 10; i++) baseline.add(T0.plusSeconds(i), 0.30 + 0.01 * i);   // 0.30 .. 0.39
    assertThat(baseline.learning()).isFalse();
    assertThat(baseline.value()).isEqualTo(0.30 + 0.01 * 6);                          // floor(0.7 * 9) = 6
  }

  @Test
  void weighsTimeNotFramesAndForgetsAfterAMinuteButKeepsTheLastFew() {
    var baseline = new OpenEyeBaseline();
    for (int i = 0; i < 30; i++) baseline.add(T0.plusMillis(10 * i), 0.5);   // 30 frames within 0.3 s: 3 kept
    assertThat(baseline.learning()).isTrue();
    for (int i = 1; i <= 20; i++) baseline.add(T0.plusSeconds(i), 0.3);
    assertThat(baseline.value()).isEqualTo(0.3);
    // Ten minutes later the old samples expire, except the last five, which still stand for the person.
    baseline.add(T0.plusSeconds(600), 0.25);
    assertThat(baseline.learning()).isFalse();
    assertThat(baseline.value()).isEqualTo(0.3);
  }
}
