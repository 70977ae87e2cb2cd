package sightline.attendance.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.CheckInView;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.identity.AccountId;

/** Who attended one session and how: a row per student on the roster or with a record, by name. */
record SessionReport(CourseView course, ClassSessionView session, List<Row> rows) {

  /**
   * One student; everything but the name is null for a student without a record (yet).
   *
   * @param similarity     face similarity in [-1, 1]
   * @param distanceMetres from the place's centre
   */
  record Row(AccountId student, String name, @Nullable AttendanceStatus status, @Nullable Instant recordedAt,
      @Nullable CheckInMethod method, @Nullable Double similarity, @Nullable Double distanceMetres) {}

  static SessionReport of(CourseView course, ClassSessionView session, Set<AccountId> roster,
      List<CheckInView> marks, Map<AccountId, String> names) {
    Set<AccountId> students = new LinkedHashSet<>(roster);
    marks.forEach(mark -> students.add(mark.student()));
    List<Row> rows = new ArrayList<>();
    for (AccountId student : students) {
      String name = names.getOrDefault(student, student.toString());
      CheckInView mark = marks.stream().filter(m -> m.student().equals(student)).findFirst().orElse(null);
      rows.add(mark == null ? new Row(student, name, null, null, null, null, null)
          : new Row(student, name, mark.status(), mark.recordedAt(), mark.method(), mark.evidence().similarity(),
              mark.evidence().distanceMetres()));
    }
    rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(row -> row.student().toString()));
    return new SessionReport(course, session, rows);
  }
}
