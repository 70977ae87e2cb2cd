package sightline.courses.catalogue;

/** How a student came to be enrolled. */
public enum EnrolmentSource {
  /** A teacher added them by e-mail on the course page. */
  TEACHER,
  /** A teacher imported them from a CSV roster. */
  IMPORT,
  /** They typed the course's join code. */
  JOIN_CODE,
  /** A program enrolled them through the API. */
  API
}
