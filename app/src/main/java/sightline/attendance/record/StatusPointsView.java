package sightline.attendance.record;

import sightline.attendance.AttendanceStatus;
import sightline.courses.CourseId;

/** The points each status earns in a course (P 2, L 1, E 1, A 0 unless the teacher changed them), each 0..100. */
public record StatusPointsView(CourseId course, int present, int late, int excused, int absent) {

  public StatusPointsView {
    for (int points : new int[] {present, late, excused, absent}) {
      if (points < 0 || points > 100) {
        throw new IllegalArgumentException("points out of range: " + points);
      }
    }
  }

  public static StatusPointsView defaults(CourseId course) {
    return new StatusPointsView(course, AttendanceStatus.PRESENT.defaultPoints(), AttendanceStatus.LATE.defaultPoints(),
        AttendanceStatus.EXCUSED.defaultPoints(), AttendanceStatus.ABSENT.defaultPoints());
  }

  public int pointsFor(AttendanceStatus status) {
    return switch (status) {
      case PRESENT -> present;
      case LATE -> late;
      case EXCUSED -> excused;
      case ABSENT -> absent;
    };
  }

  /** The most a record can earn (what a percentage is taken of). */
  public int maximum() {
    return Math.max(Math.max(present, late), Math.max(excused, absent));
  }
}
