package sightline.engagement.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import sightline.engagement.EngagementState;

/**
 * One student's engagement time in one session, as frames arrive. A frame's state lasts until the next frame, but at
 * most {@link #cap()}: a dropped or late frame neither inflates the last state nor erases time (the gap beyond the
 * cap is simply not accounted), and a student who sends faster gains nothing. Time is cut into buckets of
 * {@link #bucket()} aligned to the epoch, so that the timelines of a class line up.
 *
 * <p>Holds the session's totals, the last few buckets (for the dashboard's sparkline) and the time not yet written
 * ({@link #drain()}). Not thread-safe: one frame of a student at a time. Times come from the server's clock (when a
 * frame arrived), never from the client.
 */
public final class StudentTimeline {

  /** The stored timelines' bucket: short enough for a sparkline, a few hundred rows per student and class. */
  public static final Duration BUCKET = Duration.ofSeconds(10);
  /** A frame's state counts until the next frame, at most this long: three frames at the normal rate of 1/s. */
  public static final Duration CAP = Duration.ofSeconds(3);

  /** Buckets kept in memory for the sparkline: five minutes at 10 s. */
  static final int RECENT = 30;

  private final Duration bucket;
  private final Duration cap;
  private @Nullable Instant lastAt;
  private @Nullable EngagementState lastState;
  private StateTimes totals;
  private final NavigableMap<Instant, StateTimes> recent = new TreeMap<>();
  private final Map<Instant, StateTimes> unwritten = new TreeMap<>();

  /**
   * @param totals what earlier frames of the session already accounted (read back from the database, so a restart
   *               loses at most the unwritten seconds)
   */
  public StudentTimeline(Duration bucket, Duration cap, StateTimes totals) {
    if (bucket.isNegative() || bucket.isZero() || cap.isNegative() || cap.isZero()) {
      throw new IllegalArgumentException("bucket and cap must be positive");
    }
    this.bucket = bucket;
    this.cap = cap;
    this.totals = totals;
  }

  public Duration bucket() {
    return bucket;
  }

  public Duration cap() {
    return cap;
  }

  /**
   * Accounts the time since the last frame to the last frame's state (capped), then makes {@code state} the current
   * one. A frame older than the last one is ignored.
   */
  public void record(Instant at, EngagementState state) {
    if (lastAt != null) {
      if (at.isBefore(lastAt)) {
        return;
      }
      credit(lastAt, min(at, lastAt.plus(cap)), lastState);
    }
    lastAt = at;
    lastState = state;
  }

  /** Counts an identity spot check made at {@code at}. */
  public void recordIdentityCheck(Instant at, boolean mismatch) {
    add(bucketOf(at), new StateTimes(StateTimes.NONE.millis(), 1, mismatch ? 1 : 0));
  }

  /**
   * When no frame came for longer than the cap by {@code now}, accounts the last state's capped time and forgets it,
   * so that the next frame starts afresh. Returns whether it did.
   */
  public boolean closeIfIdle(Instant now) {
    if (lastAt == null || !now.isAfter(lastAt.plus(cap))) {
      return false;
    }
    credit(lastAt, lastAt.plus(cap), lastState);
    lastAt = null;
    lastState = null;
    return true;
  }

  /** The state of the last frame, or null before the first frame and after {@link #closeIfIdle}. */
  public @Nullable EngagementState current() {
    return lastState;
  }

  /** Time accounted over the whole session so far. */
  public StateTimes totals() {
    return totals;
  }

  /** Engagement per bucket over the last few buckets, oldest first; -1 for a bucket without present time. */
  public List<Integer> sparkline() {
    return recent.values().stream().map(StateTimes::engagementPercent).toList();
  }

  /** The time accounted since the last call, per bucket start, to be added to the stored timeline. */
  public List<BucketTimes> drain() {
    List<BucketTimes> out = new ArrayList<>(unwritten.size());
    unwritten.forEach((start, times) -> out.add(new BucketTimes(start, times)));
    unwritten.clear();
    return out;
  }

  private void credit(Instant from, Instant to, @Nullable EngagementState state) {
    if (state == null) {
      return;
    }
    Instant at = from;
    while (at.isBefore(to)) {
      Instant start = bucketOf(at);
      Instant end = min(start.plus(bucket), to);
      long[] millis = new long[EngagementState.values().length];
      millis[state.ordinal()] = Duration.between(at, end).toMillis();
      add(start, new StateTimes(millis, 0, 0));
      at = end;
    }
  }

  private void add(Instant start, StateTimes times) {
    totals = totals.plus(times);
    unwritten.merge(start, times, StateTimes::plus);
    recent.merge(start, times, StateTimes::plus);
    while (recent.size() > RECENT) {
      recent.pollFirstEntry();
    }
  }

  private Instant bucketOf(Instant at) {
    long size = bucket.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
