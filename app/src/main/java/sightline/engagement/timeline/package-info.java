/**
 * Engagement time: the time-weighting rule (a frame's state lasts until the next frame, capped) and the timeline of
 * short buckets per student and session that it fills, kept in the database.
 */
@NullMarked
package sightline.engagement.timeline;

import org.jspecify.annotations.NullMarked;
