package sightline.attendance;

import java.time.Instant;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * A teacher changed a recorded status, with a remark; the earlier status stays in the record's history. Published
 * inside the transaction that stores it.
 */
public record CheckInCorrected(CheckInId checkIn, ClassSessionId session, CourseId course, AccountId student,
    AttendanceStatus from, AttendanceStatus to, String remark, AccountId by, Instant at) {
}
