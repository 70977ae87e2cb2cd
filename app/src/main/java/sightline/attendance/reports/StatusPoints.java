package sightline.attendance.reports;

import sightline.attendance.AttendanceStatus;

/**
 * The points each status earns in a course (Moodle's grading of attendance). A student's percentage is their points
 * over the most a session can earn ({@link #max()}) times the sessions counted.
 *
 * @param present 0..100, and so on for each status; at least one above 0
 */
record StatusPoints(int present, int late, int excused, int absent) {

  static final int MAX = 100;

  StatusPoints {
    for (int points : new int[] {present, late, excused, absent}) {
      if (points < 0 || points > MAX) {
        throw new IllegalArgumentException("points per status are 0.." + MAX);
      }
    }
    if (present == 0 && late == 0 && excused == 0 && absent == 0) {
      throw new IllegalArgumentException("at least one status earns points");
    }
  }

  /** P 2, L 1, E 1, A 0: {@link AttendanceStatus#defaultPoints()}. */
  static StatusPoints defaults() {
    return new StatusPoints(AttendanceStatus.PRESENT.defaultPoints(), AttendanceStatus.LATE.defaultPoints(),
        AttendanceStatus.EXCUSED.defaultPoints(), AttendanceStatus.ABSENT.defaultPoints());
  }

  int of(AttendanceStatus status) {
    return switch (status) {
      case PRESENT -> present;
      case LATE -> late;
      case EXCUSED -> excused;
      case ABSENT -> absent;
    };
  }

  /** The most one session can earn. */
  int max() {
    return Math.max(Math.max(present, late), Math.max(excused, absent));
  }
}
