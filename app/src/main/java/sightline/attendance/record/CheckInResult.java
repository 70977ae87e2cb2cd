package sightline.attendance.record;

/** What became of recording a check-in: a new record, or the student already had one (a duplicate or a race). */
public sealed interface CheckInResult {

  /** The record was stored, with its ACCEPTED attempt. */
  record Recorded(CheckInView checkIn) implements CheckInResult {
  }

  /** The student already had a record; the attempt was stored as ALREADY_CHECKED_IN. */
  record AlreadyCheckedIn(AttemptView attempt) implements CheckInResult {
  }
}
