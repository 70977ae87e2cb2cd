package sightline.attendance.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.record.CheckInView;
import sightline.attendance.record.StatusPointsView;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

/**
 * A course's attendance up to a moment, per student and per session. A session counts for a student once the
 * student has a record in it (Moodle counts "taken" sessions): an open session does not lower anyone's percentage
 * before they had the chance to check in, and when a session ends the unmarked are recorded absent.
 *
 * @param sessions the sessions that had started by then, by start
 * @param students one row per student on the roster or with a record, by name as {@code names} gives them
 * @param from     the first counted session's start, null when nothing is recorded yet
 * @param to       the last counted session's end, null when nothing is recorded yet
 */
record CourseReport(CourseView course, StatusPointsView points, List<SessionSummary> sessions,
    List<StudentSummary> students, @Nullable Instant from, @Nullable Instant to) {

  /** One session: how many students had each status. */
  record SessionSummary(ClassSessionView session, Map<AttendanceStatus, Integer> counts) {

    SessionSummary {
      counts = Map.copyOf(counts);
    }

    public int count(AttendanceStatus status) {
      return counts.getOrDefault(status, 0);
    }

    public int marked() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * One student.
   *
   * @param percent points over the most the counted sessions could earn, 0..100; null before any session counts
   *                (or when no status earns points)
   * @param below   whether the percentage is under the course's warning percentage (never when that is 0)
   */
  record StudentSummary(AccountId student, String name, Map<AttendanceStatus, Integer> counts, int sessionsCounted,
      int points, int maxPoints, @Nullable Double percent, boolean below) {

    StudentSummary {
      counts = Map.copyOf(counts);
    }

    public int count(AttendanceStatus status) {
      return counts.getOrDefault(status, 0);
    }
  }

  /**
   * Computes the report.
   *
   * @param sessions every session of the course; those starting after {@code now} are left out
   * @param roster   the students enrolled now
   * @param marks    the course's records (a student who left the course keeps their row)
   * @param names    display names by student; a student without one is shown by id
   */
  static CourseReport of(CourseView course, StatusPointsView points, List<ClassSessionView> sessions,
      Set<AccountId> roster, List<CheckInView> marks, Map<AccountId, String> names, Instant now) {
    List<ClassSessionView> started = sessions.stream().filter(s -> !s.startsAt().isAfter(now))
        .sorted(Comparator.comparing(ClassSessionView::startsAt)).toList();
    Map<ClassSessionId, ClassSessionView> byId = new HashMap<>();
    started.forEach(s -> byId.put(s.id(), s));
    List<CheckInView> counted = marks.stream().filter(m -> byId.containsKey(m.session())).toList();

    List<SessionSummary> sessionRows = new ArrayList<>();
    for (ClassSessionView session : started) {
      var counts = new EnumMap<AttendanceStatus, Integer>(AttendanceStatus.class);
      counted.stream().filter(m -> m.session().equals(session.id()))
          .forEach(m -> counts.merge(m.status(), 1, Integer::sum));
      sessionRows.add(new SessionSummary(session, counts));
    }

    Set<AccountId> students = new LinkedHashSet<>(roster);
    counted.forEach(m -> students.add(m.student()));
    List<StudentSummary> studentRows = new ArrayList<>();
    for (AccountId student : students) {
      List<CheckInView> own = counted.stream().filter(m -> m.student().equals(student)).toList();
      studentRows.add(summarise(student, names.getOrDefault(student, student.toString()), own, points,
          course.warningPercent()));
    }
    studentRows.sort(Comparator.comparing(StudentSummary::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(row -> row.student().toString()));

    Instant from = counted.stream().map(m -> byId.get(m.session()).startsAt()).min(Comparator.naturalOrder())
        .orElse(null);
    Instant to = counted.stream().map(m -> byId.get(m.session()).endsAt()).max(Comparator.naturalOrder())
        .orElse(null);
    return new CourseReport(course, points, sessionRows, studentRows, from, to);
  }

  /** One student's counts, points and percentage over their records in counted sessions. */
  static StudentSummary summarise(AccountId student, String name, List<CheckInView> marks, StatusPointsView points,
      int warningPercent) {
    var counts = new EnumMap<AttendanceStatus, Integer>(AttendanceStatus.class);
    int earned = 0;
    for (CheckInView mark : marks) {
      counts.merge(mark.status(), 1, Integer::sum);
      earned += points.pointsFor(mark.status());
    }
    int sessions = marks.size();
    int max = sessions * points.maximum();
    Double percent = max == 0 ? null : 100.0 * earned / max;
    boolean below = percent != null && warningPercent > 0 && percent < warningPercent;
    return new StudentSummary(student, name, counts, sessions, earned, max, percent, below);
  }

  /** The student's row, if they are in the report. */
  @Nullable StudentSummary studentRow(AccountId student) {
    return students.stream().filter(row -> row.student().equals(student)).findFirst().orElse(null);
  }
}
