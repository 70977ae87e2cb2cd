package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "N per period" means at most N in any stretch of that period, never a token bucket's N plus its refill. */
class RateLimitsTests {

  private Instant now = Instant.parse("2026-12-07T15:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final RateLimits limits = new RateLimits(new RateLimits.Settings(
      Map.of("liveness-start", new RateLimits.Limit(20, Duration.ofMinutes(1)))), clock);

  @Test
  void twentyPerMinuteAdmitsTwentyInAnyMinuteAndNoMore() {
    for (int i = 0; i < 20; i++) {
      limits.consume("liveness-start", "10.0.0.1");
      now = now.plusSeconds(1);
    }
    // A token bucket refilled over the minute would have admitted 6 more by now, and 20 more by the minute's end.
    assertThatThrownBy(() -> limits.consume("liveness-start", "10.0.0.1"))
        .isInstanceOfSatisfying(RateLimitExceeded.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(40));
    now = now.plusSeconds(39);
    assertThatThrownBy(() -> limits.consume("liveness-start", "10.0.0.1")).isInstanceOf(RateLimitExceeded.class);
    now = now.plusSeconds(1);   // the first start is a minute old
    limits.consume("liveness-start", "10.0.0.1");
    assertThatThrownBy(() -> limits.consume("liveness-start", "10.0.0.1")).isInstanceOf(RateLimitExceeded.class);
    limits.consume("liveness-start", "10.0.0.2");
  }

  @Test
  void defaultsHoldForLimitsThatAreNotConfigured() {
    assertThat(limits.limit("sign-in")).isEqualTo(new RateLimits.Limit(5, Duration.ofMinutes(1)));
    assertThatThrownBy(() -> limits.consume("no-such-limit", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
