package sightline.courses;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One meeting of a course as other modules see it. Check-in is possible while it is open: from its start (or from
 * when the teacher opened it early) until its end (or until the teacher closed it).
 *
 * @param id       the session
 * @param course   its course
 * @param title    e.g. "Week 3 lecture"
 * @param room     e.g. "B 204" ("" for none)
 * @param startsAt when it starts
 * @param endsAt   when it ends, after {@code startsAt}
 * @param place    where it meets; null for an online session (no place check; engagement runs on these)
 * @param openedAt when the teacher opened it before its start, if so
 * @param closedAt when the teacher closed it before its end, if so
 */
public record ClassSessionView(ClassSessionId id, CourseId course, String title, String room, Instant startsAt,
    Instant endsAt, @Nullable Place place, @Nullable Instant openedAt, @Nullable Instant closedAt) {

  /** Whether check-in is possible at {@code now}. */
  public boolean isOpenAt(Instant now) {
    Instant opens = openedAt != null && openedAt.isBefore(startsAt) ? openedAt : startsAt;
    return !now.isBefore(opens) && now.isBefore(closesAt());
  }

  /** When check-in stops: the end, or the teacher's earlier close. */
  public Instant closesAt() {
    return closedAt != null && closedAt.isBefore(endsAt) ? closedAt : endsAt;
  }

  /** Whether the session has ended (by its time or by the teacher) at {@code now}. */
  public boolean hasEndedAt(Instant now) {
    return !now.isBefore(closesAt());
  }

  public boolean isOnline() {
    return place == null;
  }

  /** Whether a check-in at {@code at} is late under the course's grace period. */
  public boolean isLate(Instant at, int graceMinutes) {
    return !at.isBefore(startsAt.plus(Duration.ofMinutes(graceMinutes)));
  }
}
