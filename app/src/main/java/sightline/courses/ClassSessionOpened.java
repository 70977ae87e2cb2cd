package sightline.courses;

import java.time.Instant;
import sightline.identity.AccountId;

/** A teacher opened a class session before its start (check-in may begin now). */
public record ClassSessionOpened(ClassSessionId session, CourseId course, AccountId by, Instant at) {
}
