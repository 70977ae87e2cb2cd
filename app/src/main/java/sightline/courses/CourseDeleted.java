package sightline.courses;

import java.time.Instant;
import sightline.identity.AccountId;

/**
 * A course was deleted with its sessions and enrolments. Rows of other modules that belong to its sessions are
 * removed by the database in the same transaction ({@code ON DELETE CASCADE} on {@code courses.class_session});
 * this event is for what is not in the database (caches, open dashboards).
 */
public record CourseDeleted(CourseId course, AccountId by, Instant at) {
}
