package sightline.biometrics.liveness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code maxFailures} failed liveness sessions per key (a subject or a client address) within
 * {@code window}; one more starts a lockout during which new sessions are refused (AWS Rekognition and Azure Face
 * liveness do the same: 5 failures in 3 minutes, then 30–60 minutes). Kept in memory: Sightline is one server.
 * Thread-safe.
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
      if (f.recent.size() >= maxFailures) {
        f.lockedUntil = at.plus(lockout);
        f.recent.clear();
      }
    }
  }

  /** How long {@code key} must still wait at {@code now}; zero when it may start a session. */
  public Duration waitFor(String key, Instant now) {
    Failures f = failures.getIfPresent(key);
    if (f == null) return Duration.ZERO;
    synchronized (f) {
      return f.lockedUntil == null || !now.isBefore(f.lockedUntil) ? Duration.ZERO
          : Duration.between(now, f.lockedUntil);
    }
  }
}
