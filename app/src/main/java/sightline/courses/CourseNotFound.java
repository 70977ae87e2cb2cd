package sightline.courses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** There is no such course, or the caller may not see it (neither teaches it nor is enrolled in it). */
public final class CourseNotFound extends ErrorResponseException {

  public CourseNotFound(CourseId course) {
    super(HttpStatus.NOT_FOUND, problem(course), null, null, new Object[] {course.value()});
  }

  private static ProblemDetail problem(CourseId course) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    problem.setProperty("courseId", course.value());
    return problem;
  }
}
