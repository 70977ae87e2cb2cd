package sightline.engagement.timeline;

import java.util.Arrays;
import sightline.engagement.EngagementState;

/**
 * Milliseconds spent in each {@link EngagementState}, over a bucket or a whole session, with the identity spot checks
 * made in that time. Immutable.
 *
 * @param millis             per state, indexed by {@link EngagementState#ordinal()}
 * @param identityChecks     spot checks of the face against the student's enrolment
 * @param identityMismatches those that found someone else's face
 */
public record StateTimes(long[] millis, int identityChecks, int identityMismatches) {

  public static final StateTimes NONE = new StateTimes(new long[EngagementState.values().length], 0, 0);

  public StateTimes {
    if (millis.length != EngagementState.values().length) {
      throw new IllegalArgumentException("one duration per state");
    }
    millis = millis.clone();
  }

  public long millis(EngagementState state) {
    return millis[state.ordinal()];
  }

  /** Time with a face in view. */
  public long presentMillis() {
    return Arrays.stream(EngagementState.values()).filter(EngagementState::isPresent).mapToLong(this::millis).sum();
  }

  /** Time accounted for, present or not. */
  public long totalMillis() {
    return Arrays.stream(millis).sum();
  }

  /** Attentive time over present time, in percent (0–100); -1 when the student was never present. */
  public int engagementPercent() {
    long present = presentMillis();
    return present == 0 ? -1 : (int) Math.round(100.0 * millis(EngagementState.ATTENTIVE) / present);
  }

  /** These times and {@code other}'s together. */
  public StateTimes plus(StateTimes other) {
    long[] sum = millis.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.millis[i];
    }
    return new StateTimes(sum, identityChecks + other.identityChecks, identityMismatches + other.identityMismatches);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateTimes that && Arrays.equals(millis, that.millis)
        && identityChecks == that.identityChecks && identityMismatches == that.identityMismatches;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(millis) * 31 + identityChecks * 7 + identityMismatches;
  }

  @Override
  public String toString() {
    return "StateTimes" + Arrays.toString(millis) + " checks " + identityChecks + "/" + identityMismatches;
  }
}
