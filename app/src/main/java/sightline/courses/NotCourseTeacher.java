package sightline.courses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller neither owns nor co-teaches the course, and is not an administrator. */
public final class NotCourseTeacher extends ErrorResponseException {

  public NotCourseTeacher(CourseId course) {
    super(HttpStatus.FORBIDDEN, problem(course), null, null, new Object[] {course.value()});
  }

  private static ProblemDetail problem(CourseId course) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
    problem.setProperty("courseId", course.value());
    return problem;
  }
}
