package sightline.engagement.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the server asks clients to slow down and lets them speed up again. */
class FramePacingTests {

  private static FramePacing pacing() {
    return new FramePacing(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(300),
        Duration.ofMillis(50));
  }

  @Test
  void keepsTheNormalIntervalWhileFramesStartAtOnce() {
    var pacing = pacing();
    for (int i = 0; i < 100; i++) {
      assertThat(pacing.waited(Duration.ofMillis(10))).isEqualTo(1000);
    }
  }

  @Test
  void longWaitsSlowClientsDownUpToTheSlowest() {
    var pacing = pacing();
    assertThat(pacing.waited(Duration.ofMillis(500))).isEqualTo(1250);
    for (int i = 0; i < 50; i++) {
      pacing.waited(Duration.ofSeconds(1));
    }
    assertThat(pacing.intervalMillis()).isEqualTo(5000);
  }

  @Test
  void droppedFramesSlowDownFaster() {
    var pacing = pacing();
    assertThat(pacing.dropped()).isEqualTo(1500);
    assertThat(pacing.dropped()).isEqualTo(2250);
  }

  @Test
  void shortWaitsBringTheNormalIntervalBack() {
    var pacing = pacing();
    pacing.dropped();
    pacing.dropped();
    for (int i = 0; i < 30; i++) {
      pacing.waited(Duration.ofMillis(5));
    }
    assertThat(pacing.intervalMillis()).isEqualTo(1000);
  }

  @Test
  void waitsInBetweenKeepTheInterval() {
    var pacing = pacing();
    pacing.dropped();
    assertThat(pacing.waited(Duration.ofMillis(100))).isEqualTo(1500);
  }
}
