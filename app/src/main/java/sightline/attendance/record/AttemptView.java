package sightline.attendance.record;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttemptOutcome;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * One check-in attempt, accepted or refused, with the evidence the pipeline had.
 *
 * @param student who tried; null for a kiosk face that matched nobody
 */
public record AttemptView(UUID id, ClassSessionId session, CourseId course, @Nullable AccountId student,
    CheckInMethod method, AttemptOutcome outcome, Instant at, Evidence evidence) {
}
