package sightline.attendance.signals;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * One flag on a session, with its evidence. What each field holds depends on the kind:
 *
 * <ul>
 *   <li>{@code SHARED_DEVICE}: {@code detail} the device hash's first 12 hex digits, {@code count} the students</li>
 *   <li>{@code SHARED_ADDRESS}: {@code detail} the client address, {@code count} the students</li>
 *   <li>{@code NEAR_THRESHOLD}: {@code value} the accepted similarity, {@code detail} the threshold</li>
 *   <li>{@code REPEATED_FAILURES}: {@code count} the refused attempts, {@code detail} their reasons</li>
 *   <li>{@code OUTSIDE_PLACE}: {@code count} the attempts, {@code value} the nearest distance in metres</li>
 * </ul>
 *
 * @param students the students concerned, at least one
 * @param firstAt  the earliest attempt or record behind the flag
 * @param lastAt   the latest
 */
record FraudSignal(Kind kind, List<AccountId> students, String detail, int count, @Nullable Double value,
    Instant firstAt, Instant lastAt) {

  /** What looks odd. */
  enum Kind { SHARED_DEVICE, SHARED_ADDRESS, NEAR_THRESHOLD, REPEATED_FAILURES, OUTSIDE_PLACE }

  FraudSignal {
    students = List.copyOf(students);
  }
}
