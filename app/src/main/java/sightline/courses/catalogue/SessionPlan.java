package sightline.courses.catalogue;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.courses.Place;

/**
 * One class session as a teacher plans it; the first of a weekly series.
 *
 * @param title    1..200 characters
 * @param room     0..100 characters ("" for none)
 * @param startsAt when it starts
 * @param endsAt   after {@code startsAt}, at most {@link ClassSession#MAX_LENGTH} later
 * @param place    where it meets; null for online
 */
public record SessionPlan(String title, String room, Instant startsAt, Instant endsAt, @Nullable Place place) {

  public SessionPlan {
    title = title.strip();
    room = room.strip();
    // Microseconds, as both databases keep them, so that a planned session equals what is read back.
    startsAt = startsAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    endsAt = endsAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
