package sightline.attendance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.record.AttemptView;
import sightline.attendance.record.AttendanceRecords;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.CorrectionView;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * The teacher's view of one session: every enrolled student with their record (or none yet), the corrections, the
 * attempt log; and the teacher's actions on it (mark or correct with a remark, open early, close, show the QR
 * code). Only the course's teachers and administrators see or act; to anyone else the session does not exist.
 */
@Service
class Rosters {

  /** One student's line on the roster. */
  record Row(AccountId student, String name, String email, @Nullable CheckInView record,
      List<CorrectionView> corrections) {

    @Nullable AttendanceStatus status() {
      return record == null ? null : record.status();
    }
  }

  /** The roster of a session, with its counts per status. */
  record Roster(ClassSessionView session, CourseView course, List<Row> rows, Map<AttendanceStatus, Long> counts,
      long unmarked, boolean open, boolean ended, boolean qrShown) {
  }

  /** One line of the attempt log. */
  record AttemptRow(AttemptView attempt, String name) {
  }

  private final Courses courses;
  private final AttendanceRecords records;
  private final AccountDirectory directory;
  private final QrSessionRepository qrSessions;
  private final Clock clock;

  Rosters(Courses courses, AttendanceRecords records, AccountDirectory directory, QrSessionRepository qrSessions,
      Clock clock) {
    this.courses = courses;
    this.records = records;
    this.directory = directory;
    this.qrSessions = qrSessions;
    this.clock = clock;
  }

  /**
   * The session, when {@code user} teaches its course or is an administrator.
   *
   * @throws ClassSessionNotFound otherwise, as when there is no such session
   */
  ClassSessionView taughtSession(ClassSessionId id, SignedInUser user) {
    ClassSessionView session = courses.session(id);
    if (!teaches(courses.get(session.course()), user)) {
      throw new ClassSessionNotFound(id);
    }
    return session;
  }

  static boolean teaches(CourseView course, SignedInUser user) {
    return course.taughtBy(user.id()) || user.has(Role.ADMIN);
  }

  Roster roster(ClassSessionId id, SignedInUser user) {
    ClassSessionView session = taughtSession(id, user);
    CourseView course = courses.get(session.course());
    List<CheckInView> checkIns = records.checkInsOfSession(id);
    Map<AccountId, CheckInView> byStudent = new HashMap<>();
    checkIns.forEach(c -> byStudent.put(c.student(), c));
    Map<Object, List<CorrectionView>> corrections = records.corrections(checkIns.stream().map(CheckInView::id)
        .toList()).stream().collect(Collectors.groupingBy(CorrectionView::checkIn));
    // Everyone enrolled, and anyone with a record who has left the course since.
    Set<AccountId> students = new LinkedHashSet<>(courses.enrolledStudents(course.id()));
    students.addAll(byStudent.keySet());
    List<Row> rows = new ArrayList<>();
    for (AccountId student : students) {
      AccountView account = directory.find(student).orElse(null);
      CheckInView record = byStudent.get(student);
      rows.add(new Row(student, account == null ? "—" : account.displayName(), account == null ? "" : account.email(),
          record, record == null ? List.of() : corrections.getOrDefault(record.id(), List.of())));
    }
    rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::email));
    Map<AttendanceStatus, Long> counts = new java.util.EnumMap<>(AttendanceStatus.class);
    for (AttendanceStatus status : AttendanceStatus.values()) {
      counts.put(status, rows.stream().filter(r -> r.status() == status).count());
    }
    Instant now = clock.instant();
    return new Roster(session, course, List.copyOf(rows), counts,
        rows.stream().filter(r -> r.record() == null).count(), session.isOpenAt(now), session.hasEndedAt(now),
        qrSessions.existsById(id.value()));
  }

  List<AttemptRow> attempts(ClassSessionId id, SignedInUser user) {
    taughtSession(id, user);
    Map<AccountId, String> names = new HashMap<>();
    return records.attemptsOfSession(id).stream().map(attempt -> new AttemptRow(attempt,
        attempt.student() == null ? "—" : names.computeIfAbsent(attempt.student(),
            s -> directory.find(s).map(AccountView::displayName).orElse("—")))).toList();
  }

  /**
   * Marks a student by hand, or corrects their record, with a remark.
   *
   * @throws ClassSessionNotFound unless {@code user} teaches the course, or the student is not on its roster
   */
  CheckInView mark(ClassSessionId id, AccountId student, AttendanceStatus status, String remark, SignedInUser user) {
    ClassSessionView session = taughtSession(id, user);
    if (!courses.isEnrolled(session.course(), student) && !records.hasRecord(id, student)) {
      throw new ClassSessionNotFound(id);
    }
    return records.mark(session, student, status, remark, user.id());
  }

  ClassSessionView openEarly(ClassSessionId id, SignedInUser user) {
    taughtSession(id, user);
    return courses.openEarly(id, user.id());
  }

  ClassSessionView close(ClassSessionId id, SignedInUser user) {
    taughtSession(id, user);
    return courses.close(id, user.id());
  }

  @Transactional
  void showQr(ClassSessionId id, boolean shown, SignedInUser user) {
    taughtSession(id, user);
    if (shown && !qrSessions.existsById(id.value())) {
      qrSessions.save(new QrSession(id.value(), clock.instant()));
    } else if (!shown) {
      qrSessions.deleteById(id.value());
    }
  }
}
