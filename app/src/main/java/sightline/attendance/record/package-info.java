/** The attendance records: one check-in per student and class session, its corrections by teachers, every check-in
 * attempt with its outcome, the points per status, and the marking of the unmarked as absent. Every way of checking
 * in (self, kiosk, manual) writes through {@link sightline.attendance.record.AttendanceRecords}.
 */
@NullMarked
package sightline.attendance.record;

import org.jspecify.annotations.NullMarked;
