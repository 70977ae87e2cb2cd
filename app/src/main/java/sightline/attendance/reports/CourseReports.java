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
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.StatusPointsView;
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
  private final AttendanceRecords records;
  private final AccountDirectory accounts;
  private final Clock clock;

  CourseReports(Courses courses, AttendanceRecords records, AccountDirectory accounts, Clock clock) {
    this.courses = courses;
    this.records = records;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * @throws sightline.courses.CourseNotFound when there is no such course
   * @throws NotCourseTeacher unless the viewer teaches the course or is an administrator
   */
  CourseReport courseReport(CourseId course, SignedInUser viewer) {
    CourseView view = teachable(course, viewer);
    return report(view);
  }

  /**
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher unless the viewer teaches the course or is an administrator
   */
  SessionReport sessionReport(ClassSessionId session, SignedInUser viewer) {
    ClassSessionView view = courses.session(session);
    CourseView course = teachable(view.course(), viewer);
    Set<AccountId> roster = courses.enrolledStudents(course.id());
    List<CheckInView> sessionMarks = records.checkInsOfSession(session);
    return SessionReport.of(course, view, roster, sessionMarks, names(roster, sessionMarks));
  }

  /**
   * Changes the course's points per status.
   *
   * @throws NotCourseTeacher   unless the viewer teaches the course or is an administrator
   * @throws PointsOutOfRange   unless each is 0..100 and one is above 0
   */
  void changePoints(CourseId course, int present, int late, int excused, int absent, SignedInUser viewer) {
    teachable(course, viewer);
    StatusPointsView changed;
    try {
      changed = new StatusPointsView(course, present, late, excused, absent);
    } catch (IllegalArgumentException e) {
      throw new PointsOutOfRange();
    }
    if (changed.maximum() == 0) {
      throw new PointsOutOfRange();
    }
    records.changePoints(changed);
  }

  /** The student's counts and percentage in each course they are enrolled in. */
  List<MyCourse> myCourses(AccountId student, String name) {
    return courses.coursesOf(student).stream()
        .map(course -> new MyCourse(course, standing(course, student, name))).toList();
  }

  /** One student's counts and percentage in a course, over the sessions that had started by now. */
  CourseReport.StudentSummary standing(CourseView course, AccountId student, String name) {
    var started = courses.sessions(course.id()).stream().filter(s -> !s.startsAt().isAfter(clock.instant()))
        .map(ClassSessionView::id).collect(java.util.stream.Collectors.toSet());
    List<CheckInView> own = records.checkInsOfStudent(student).stream()
        .filter(mark -> started.contains(mark.session())).toList();
    return CourseReport.summarise(student, name, own, records.points(course.id()), course.warningPercent());
  }

  private CourseReport report(CourseView course) {
    Set<AccountId> roster = courses.enrolledStudents(course.id());
    List<CheckInView> courseMarks = records.checkInsOfCourse(course.id());
    return CourseReport.of(course, records.points(course.id()), courses.sessions(course.id()), roster, courseMarks,
        names(roster, courseMarks), clock.instant());
  }

  private CourseView teachable(CourseId course, SignedInUser viewer) {
    CourseView view = courses.get(course);
    if (!viewer.has(Role.ADMIN) && !view.taughtBy(viewer.id())) {
      throw new NotCourseTeacher(course);
    }
    return view;
  }

  private Map<AccountId, String> names(Collection<AccountId> roster, List<CheckInView> marked) {
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
