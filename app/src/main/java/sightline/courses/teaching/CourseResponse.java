package sightline.courses.teaching;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

/**
 * A course as the API shows it. Students see neither the join code nor the co-teachers: they are enrolled already,
 * and the code is the teacher's to share.
 *
 * @param teaching   whether the caller manages the course (teaches it or is an administrator)
 * @param joinCode   null for students
 * @param coTeachers empty for students
 */
public record CourseResponse(UUID id, String code, String title, String section, UUID teacherId,
    String teacherName, List<UUID> coTeachers, @Nullable String joinCode, int graceMinutes, int warningPercent,
    boolean teaching) {

  public static CourseResponse of(CourseView course, String teacherName, boolean teaching) {
    return new CourseResponse(course.id().value(), course.code(), course.title(), course.section(),
        course.teacher().value(), teacherName,
        teaching ? course.coTeachers().stream().map(AccountId::value).sorted().toList() : List.of(),
        teaching ? course.joinCode() : null, course.graceMinutes(), course.warningPercent(), teaching);
  }
}
