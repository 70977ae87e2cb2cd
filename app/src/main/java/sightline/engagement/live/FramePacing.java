package sightline.engagement.live;

import java.time.Duration;

/**
 * How often students should send frames, from how long frames wait for an analysis thread. The server never
 * queues without bound: its queue is short, a frame that finds it full is dropped, and every answer tells the
 * client the interval to use, which grows while frames wait longer than {@link #slowAbove} (or are dropped) and
 * shrinks back to the normal interval while they wait less than {@link #fastBelow}. Thread-safe.
 */
final class FramePacing {

  private final long normalMillis;
  private final long slowestMillis;
  private final long slowAbove;
  private final long fastBelow;
  private long intervalMillis;

  /**
   * @param normal    the interval while the server keeps up (1 s)
   * @param slowest   the longest interval it asks for
   * @param slowAbove a wait that makes clients slow down
   * @param fastBelow a wait that lets them speed up again
   */
  FramePacing(Duration normal, Duration slowest, Duration slowAbove, Duration fastBelow) {
    if (normal.isNegative() || normal.isZero() || slowest.compareTo(normal) < 0 || fastBelow.compareTo(slowAbove) > 0) {
      throw new IllegalArgumentException("pacing needs 0 < normal <= slowest and fastBelow <= slowAbove");
    }
    this.normalMillis = normal.toMillis();
    this.slowestMillis = slowest.toMillis();
    this.slowAbove = slowAbove.toMillis();
    this.fastBelow = fastBelow.toMillis();
    this.intervalMillis = normalMillis;
  }

  /** A frame waited {@code wait} before its analysis started; returns the interval to ask for. */
  synchronized long waited(Duration wait) {
    long millis = wait.toMillis();
    if (millis > slowAbove) {
      intervalMillis = Math.min(slowestMillis, intervalMillis + intervalMillis / 4);
    } else if (millis < fastBelow) {
      intervalMillis = Math.max(normalMillis, intervalMillis - intervalMillis / 10);
    }
    return intervalMillis;
  }

  /** A frame found the queue full and was dropped; returns the interval to ask for. */
  synchronized long dropped() {
    intervalMillis = Math.min(slowestMillis, intervalMillis + intervalMillis / 2);
    return intervalMillis;
  }

  /** The interval to ask for now. */
  synchronized long intervalMillis() {
    return intervalMillis;
  }
}
