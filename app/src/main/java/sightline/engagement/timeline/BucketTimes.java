package sightline.engagement.timeline;

import java.time.Instant;

/** The times of one bucket of a student's timeline, starting at {@code start}. */
public record BucketTimes(Instant start, StateTimes times) {
}
