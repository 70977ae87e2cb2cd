package sightline.attendance.record;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * One student's attendance record in one session, as pages, reports and the API show it.
 *
 * @param recordedAt when it was first recorded (the check-in time)
 * @param updatedAt  when its status last changed
 * @param remark     the teacher's remark of a manual mark or the latest correction
 */
public record CheckInView(CheckInId id, ClassSessionId session, CourseId course, AccountId student,
    AttendanceStatus status, CheckInMethod method, Instant recordedAt, Evidence evidence, @Nullable String remark,
    Instant updatedAt) {
}
