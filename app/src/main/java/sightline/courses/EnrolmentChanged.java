package sightline.courses;

import java.time.Instant;
import sightline.identity.AccountId;

/** A student was enrolled in a course ({@code enrolled}) or removed from it. */
public record EnrolmentChanged(CourseId course, AccountId student, boolean enrolled, Instant at) {
}
