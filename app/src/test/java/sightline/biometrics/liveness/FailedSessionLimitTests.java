package sightline.biometrics.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSessionLimitTests {

  private static final Instant T = Instant.parse("2026-12-07T03:00:00Z");

  @Test
  void locksOutForThirtyMinutesAfterFiveFailuresWithinThreeMinutes() {
    var limit = new FailedSessionLimit(5, Duration.ofMinutes(3), Duration.ofMinutes(30));
    for (int i = 0; i < 4; i++) {
      limit.recordFailure("address:10.0.0.1", T.plusSeconds(30L * i));
    }
    assertThat(limit.waitFor("address:10.0.0.1", T.plusSeconds(120))).isZero();
    limit.recordFailure("address:10.0.0.1", T.plusSeconds(150));
    assertThat(limit.waitFor("address:10.0.0.1", T.plusSeconds(150))).isEqualTo(Duration.ofMinutes(30));
    assertThat(limit.waitFor("address:10.0.0.1", T.plusSeconds(150 + 29 * 60))).isEqualTo(Duration.ofMinutes(1));
    assertThat(limit.waitFor("address:10.0.0.1", T.plusSeconds(150 + 30 * 60))).isZero();
    assertThat(limit.waitFor("address:10.0.0.2", T.plusSeconds(150))).isZero();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotLockOut() {
    var limit = new FailedSessionLimit(5, Duration.ofMinutes(3), Duration.ofMinutes(30));
    for (int i = 0; i < 10; i++) {
      limit.recordFailure("subject:x", T.plusSeconds(50L * i));
    }
    assertThat(limit.waitFor("subject:x", T.plusSeconds(500))).isZero();
  }

  @Test
  void aCeilingRefusesOnlyWhileTheWindowHoldsTheMaximumAndLocksNothingOut() {
    var ceiling = new FailedSessionLimit(100, Duration.ofMinutes(10), Duration.ZERO);
    for (int i = 0; i < 100; i++) {
      ceiling.recordFailure("10.0.0.1", T.plusSeconds(i));
    }
    assertThat(ceiling.waitFor("10.0.0.1", T.plusSeconds(100))).isEqualTo(Duration.ofSeconds(500));
    assertThat(ceiling.waitFor("10.0.0.1", T.plusSeconds(600))).isZero();   // the first failure left the window
  }

  @Test
  void failedSignInsLockTheClaimedPersonNotEveryoneAtTheirAddress() {
    var limits = new FailureLimits(LivenessRules.defaults(), 100, Duration.ofMinutes(10));
    for (int i = 0; i < 5; i++) {
      limits.recordFailure(null, "victim@example.org", "10.0.0.1", T.plusSeconds(10L * i));
    }
    assertThat(limits.waitFor(null, "victim@example.org", "10.0.0.1", T.plusSeconds(60)))
        .isEqualTo(Duration.ofMinutes(30).minusSeconds(20));
    assertThat(limits.waitFor(null, "victim@example.org", "192.0.2.1", T.plusSeconds(60))).isPositive();
    assertThat(limits.waitFor(null, "someone-else@example.org", "10.0.0.1", T.plusSeconds(60))).isZero();
    assertThat(limits.waitFor(null, null, "10.0.0.1", T.plusSeconds(60))).isZero();
    for (int i = 0; i < 95; i++) {
      limits.recordFailure(null, "user" + i + "@example.org", "10.0.0.1", T.plusSeconds(60 + i));
    }
    assertThat(limits.waitFor(null, "someone-else@example.org", "10.0.0.1", T.plusSeconds(200))).isPositive();
  }
}
