/** A student's own check-in: the validation pipeline in its order (each refusal recorded with its reason), the
 * rotating QR code, the student's pages, the teacher's live roster with manual marking and corrections, and the
 * absent marking when a session ends.
 */
@NullMarked
package sightline.attendance.checkin;

import org.jspecify.annotations.NullMarked;
