package sightline.courses;

import java.time.Instant;
import sightline.identity.AccountId;

/** A class session was deleted; see {@link CourseDeleted} for what goes with it. */
public record ClassSessionDeleted(ClassSessionId session, CourseId course, AccountId by, Instant at) {
}
