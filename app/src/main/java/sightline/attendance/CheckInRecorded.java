package sightline.attendance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * A student's attendance in a session was recorded for the first time: by check-in, kiosk, a teacher or the
 * automatic absent marking. Published inside the transaction that stores it (the live roster and webhooks follow
 * it). Part of the attendance API: add fields, never rename or remove.
 *
 * @param similarity the face similarity, for SELF and KIOSK
 */
public record CheckInRecorded(CheckInId checkIn, ClassSessionId session, CourseId course, AccountId student,
    AttendanceStatus status, CheckInMethod method, @Nullable Double similarity, Instant at) {
}
