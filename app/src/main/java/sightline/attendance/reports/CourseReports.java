package sightline.attendance.reports;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.courses.NotCourseTeacher;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * Builds course and session reports for the course's teachers and administrators, a student's own percentages,
 * and keeps each course's points per status.
 */
@Service
class CourseReports {

  /** A student's standing in one of their courses. */
  record MyCourse(CourseView course, CourseReport.StudentSummary summary) {}

  private final Courses courses;
  private final AttendanceMarks marks;
  private final CourseStatusPointsRepository points;
  private final AccountDirectory accounts;
  private final Clock clock;

  CourseReports(Courses courses, AttendanceMarks marks, CourseStatusPointsRepository points,
      AccountDirectory accounts, Clock clock) {
    this.courses = courses;
    this.marks = marks;
    this.points = points;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * @throws sightline.courses.CourseNotFound when there is no such course
   * @throws NotCourseTeacher unless the viewer teaches the course or is an administrator
   */
  @Transactional(readOnly = true)
  CourseReport courseReport(CourseId course, SignedInUser viewer) {
    CourseView view = teachable(course, viewer);
    return report(view);
  }

  /**
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher unless the viewer teaches the course or is an administrator
   */
  @Transactional(readOnly = true)
  SessionReport sessionReport(ClassSessionId session, SignedInUser viewer) {
    ClassSessionView view = courses.session(session);
    CourseView course = teachable(view.course(), viewer);
    Set<AccountId> roster = courses.enrolledStudents(course.id());
    List<AttendanceMark> sessionMarks = marks.ofSession(session);
    return SessionReport.of(course, view, roster, sessionMarks, names(roster, sessionMarks));
  }

  @Transactional(readOnly = true)
  StatusPoints points(CourseId course) {
    return points.findById(course.value()).map(CourseStatusPoints::points).orElseGet(StatusPoints::defaults);
  }

  /** @throws NotCourseTeacher unless the viewer teaches the course or is an administrator */
  @Transactional
  void changePoints(CourseId course, StatusPoints changed, SignedInUser viewer) {
    teachable(course, viewer);
    points.findById(course.value()).ifPresentOrElse(row -> row.change(changed),
        () -> points.save(new CourseStatusPoints(course.value(), changed)));
  }

  /** The student's counts and percentage in each course they are enrolled in. */
  @Transactional(readOnly = true)
  List<MyCourse> myCourses(AccountId student, String name) {
    return courses.coursesOf(student).stream()
        .map(course -> new MyCourse(course, standing(course, student, name))).toList();
  }

  /** One student's counts and percentage in a course, over the sessions that had started by now. */
  @Transactional(readOnly = true)
  CourseReport.StudentSummary standing(CourseView course, AccountId student, String name) {
    var started = courses.sessions(course.id()).stream().filter(s -> !s.startsAt().isAfter(clock.instant()))
        .map(ClassSessionView::id).collect(java.util.stream.Collectors.toSet());
    List<AttendanceMark> own = marks.ofStudent(course.id(), student).stream()
        .filter(mark -> started.contains(mark.session())).toList();
    return CourseReport.summarise(student, name, own, points(course.id()), course.warningPercent());
  }

  private CourseReport report(CourseView course) {
    Set<AccountId> roster = courses.enrolledStudents(course.id());
    List<AttendanceMark> courseMarks = marks.ofCourse(course.id());
    return CourseReport.of(course, points(course.id()), courses.sessions(course.id()), roster, courseMarks,
        names(roster, courseMarks), clock.instant());
  }

  private CourseView teachable(CourseId course, SignedInUser viewer) {
    CourseView view = courses.get(course);
    if (!viewer.has(Role.ADMIN) && !view.taughtBy(viewer.id())) {
      throw new NotCourseTeacher(course);
    }
    return view;
  }

  private Map<AccountId, String> names(Collection<AccountId> roster, List<AttendanceMark> marked) {
    Set<AccountId> ids = new LinkedHashSet<>(roster);
    marked.forEach(mark -> ids.add(mark.student()));
    Map<AccountId, String> names = new HashMap<>();
    for (AccountId id : ids) {
      accounts.find(id).map(AccountView::displayName).ifPresent(name -> names.put(id, name));
    }
    return names;
  }

  @Nullable String nameOf(AccountId id) {
    return accounts.find(id).map(AccountView::displayName).orElse(null);
  }
}
