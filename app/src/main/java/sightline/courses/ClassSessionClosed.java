package sightline.courses;

import java.time.Instant;
import sightline.identity.AccountId;

/**
 * A teacher closed a class session before its end (check-in stops now). Sessions that simply reach their end are
 * not announced: {@link Courses#sessionsEndedBetween} finds them. Part of the courses API: add fields, never rename
 * or remove.
 */
public record ClassSessionClosed(ClassSessionId session, CourseId course, AccountId by, Instant at) {
}
