package sightline.attendance.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.identity.AccountId;

/**
 * One student's record in one session as reports read it.
 *
 * @param similarity     face similarity in [-1, 1] for SELF and KIOSK, else null
 * @param distanceMetres from the place's centre, for SELF, else null
 */
record AttendanceMark(ClassSessionId session, AccountId student, AttendanceStatus status, CheckInMethod method,
    Instant recordedAt, @Nullable Double similarity, @Nullable Double distanceMetres) {}
