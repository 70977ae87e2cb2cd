package sightline.attendance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * A check-in attempt was recorded, accepted or refused (refusals feed the live attempt log and the fraud signals).
 *
 * @param student who tried; null for a kiosk face that matched nobody
 */
public record CheckInAttempted(java.util.UUID attempt, ClassSessionId session, CourseId course,
    @Nullable AccountId student, CheckInMethod method, AttemptOutcome outcome, Instant at) {
}
