package sightline.attendance.record;

import java.time.Instant;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInId;
import sightline.identity.AccountId;

/** One change of a record's status by a teacher, with the remark that explains it. */
public record CorrectionView(CheckInId checkIn, AttendanceStatus from, AttendanceStatus to, String remark,
    AccountId by, Instant at) {
}
