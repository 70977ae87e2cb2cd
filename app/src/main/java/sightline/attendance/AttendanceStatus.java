package sightline.attendance;

/**
 * A student's attendance in one class session, with the points it earns by default (a course may change them).
 */
public enum AttendanceStatus {
  PRESENT(2),
  LATE(1),
  EXCUSED(1),
  ABSENT(0);

  private final int defaultPoints;

  AttendanceStatus(int defaultPoints) {
    this.defaultPoints = defaultPoints;
  }

  public int defaultPoints() {
    return defaultPoints;
  }
}
