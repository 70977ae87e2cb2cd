package sightline.attendance.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: {@code base}, then twice as long after each further failure, never longer
 * than {@code cap}; after {@code maxAttempts} failures the delivery is given up (an administrator may retry it).
 * With the defaults (10 s, 1 h, 15) a delivery is tried for about 6.5 hours.
 */
record Backoff(Duration base, Duration cap, int maxAttempts) {

  Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("backoff needs 0 < base <= cap and maxAttempts >= 1");
    }
  }

  /**
   * The wait after the {@code attempts}-th failed attempt (1 = the first), or empty when that was the last one.
   */
  Optional<Duration> delayAfter(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1");
    }
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    // Doubling beyond 2^20 base periods is past any sensible cap; stop shifting before the long overflows.
    int doublings = Math.min(attempts - 1, 20);
    Duration delay = base.multipliedBy(1L << doublings);
    return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
  }
}
