package sightline.biometrics.liveness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code maxFailures} failed liveness sessions per key (a person, or a client address) within
 * {@code window}. With a {@code lockout}, reaching it starts a lockout during which new sessions are refused (AWS
 * Rekognition and Azure Face liveness do the same for a person: 5 failures in 3 minutes, then 30–60 minutes). With a
 * zero lockout it is a ceiling: starts are refused only while the window holds {@code maxFailures} failures, until the
 * oldest leaves it. Kept in memory: Sightline is one server. Thread-safe.
 */
public final class FailedSessionLimit {

  private static final class Failures {
    final Deque<Instant> recent = new ArrayDeque<>();
    @Nullable Instant lockedUntil;
  }

  private final int maxFailures;
  private final Duration window;
  private final Duration lockout;
  private final Cache<String, Failures> failures;

  public FailedSessionLimit(int maxFailures, Duration window, Duration lockout) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.lockout = lockout;
    this.failures = Caffeine.newBuilder().expireAfterAccess(lockout.plus(window)).maximumSize(100_000).build();
  }

  /** Records a failed session for {@code key} at {@code at}. */
  public void recordFailure(String key, Instant at) {
    Failures f = failures.get(key, k -> new Failures());
    synchronized (f) {
      f.recent.addLast(at);
      while (!f.recent.isEmpty() && f.recent.peekFirst().isBefore(at.minus(window))) {
        f.recent.removeFirst();
      }
      if (f.recent.size() >= maxFailures && !lockout.isZero()) {
        f.lockedUntil = at.plus(lockout);
        f.recent.clear();
      }
    }
  }

  /** Failures of {@code key} within the window before {@code now} that count toward its limit. */
  public int recentFailures(String key, Instant now) {
    Failures f = failures.getIfPresent(key);
    if (f == null) return 0;
    synchronized (f) {
      return (int) f.recent.stream().filter(at -> !at.isBefore(now.minus(window))).count();
    }
  }

  /** How long {@code key} must still wait at {@code now}; zero when it may start a session. */
  public Duration waitFor(String key, Instant now) {
    Failures f = failures.getIfPresent(key);
    if (f == null) return Duration.ZERO;
    synchronized (f) {
      if (lockout.isZero()) {
        while (!f.recent.isEmpty() && !f.recent.peekFirst().isAfter(now.minus(window))) {
          f.recent.removeFirst();
        }
        return f.recent.size() < maxFailures ? Duration.ZERO
            : Duration.between(now, f.recent.peekFirst().plus(window));
      }
      return f.lockedUntil == null || !now.isBefore(f.lockedUntil) ? Duration.ZERO
          : Duration.between(now, f.lockedUntil);
    }
  }
}
