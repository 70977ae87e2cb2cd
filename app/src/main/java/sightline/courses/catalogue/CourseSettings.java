package sightline.courses.catalogue;

/**
 * What a teacher sets on a course. Checked by {@link Course}, whichever way it arrives (page, API, test).
 *
 * @param code           the school's course code, 1..40 characters
 * @param title          1..200 characters
 * @param section        0..40 characters ("" for none)
 * @param graceMinutes   0..240
 * @param warningPercent 0..100 (0 = no warnings)
 */
public record CourseSettings(String code, String title, String section, int graceMinutes, int warningPercent) {

  public static final int DEFAULT_GRACE_MINUTES = 10;
  public static final int DEFAULT_WARNING_PERCENT = 75;

  public CourseSettings {
    code = code.strip();
    title = title.strip();
    section = section.strip();
  }

  /** A course with the default grace period and warning threshold. */
  public static CourseSettings of(String code, String title, String section) {
    return new CourseSettings(code, title, section, DEFAULT_GRACE_MINUTES, DEFAULT_WARNING_PERCENT);
  }
}
