package sightline.attendance.signals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import sightline.attendance.record.AttendanceRecords;
import sightline.biometrics.FaceMatching;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.courses.NotCourseTeacher;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/** A session's fraud signals for the course's teachers and administrators, with the students' names. */
@Service
class FraudSignals {

  /** The signals of a session and the names of the students they concern. */
  record SessionSignals(ClassSessionView session, List<FraudSignal> signals, Map<AccountId, String> names) {

    public String nameOf(AccountId student) {
      return names.getOrDefault(student, student.toString());
    }
  }

  private final Courses courses;
  private final AttendanceRecords records;
  private final FaceMatching faces;
  private final AccountDirectory accounts;

  FraudSignals(Courses courses, AttendanceRecords records, FaceMatching faces, AccountDirectory accounts) {
    this.courses = courses;
    this.records = records;
    this.faces = faces;
    this.accounts = accounts;
  }

  /**
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   * @throws NotCourseTeacher unless the viewer teaches the course or is an administrator
   */
  SessionSignals of(ClassSessionId sessionId, SignedInUser viewer) {
    ClassSessionView session = courses.session(sessionId);
    CourseView course = courses.get(session.course());
    if (!viewer.has(Role.ADMIN) && !course.taughtBy(viewer.id())) {
      throw new NotCourseTeacher(course.id());
    }
    List<FraudSignal> signals = SignalRules.evaluate(records.attemptsOfSession(sessionId),
        records.checkInsOfSession(sessionId), faces.matchThreshold());
    Map<AccountId, String> names = new HashMap<>();
    signals.stream().flatMap(signal -> signal.students().stream()).distinct().forEach(student ->
        accounts.find(student).map(AccountView::displayName).ifPresent(name -> names.put(student, name)));
    return new SessionSignals(session, signals, names);
  }
}
