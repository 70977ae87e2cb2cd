package sightline.attendance.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.AccountId;

/**
 * The read side of attendance records for reports: plain queries into {@code attendance.check_in}, which the
 * check-in code writes. Reports only read, so they need projections, not the writers' entities.
 */
@Repository
class AttendanceMarks {

  private static final String COLUMNS =
      "SELECT session_id, student_id, status, method, recorded_at, similarity, distance_metres "
          + "FROM attendance.check_in ";

  private final JdbcClient jdbc;

  AttendanceMarks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AttendanceMark> ofCourse(CourseId course) {
    return jdbc.sql(COLUMNS + "WHERE course_id = :course").param("course", course.value())
        .query(AttendanceMarks::mark).list();
  }

  List<AttendanceMark> ofSession(ClassSessionId session) {
    return jdbc.sql(COLUMNS + "WHERE session_id = :session").param("session", session.value())
        .query(AttendanceMarks::mark).list();
  }

  List<AttendanceMark> ofStudent(CourseId course, AccountId student) {
    return jdbc.sql(COLUMNS + "WHERE course_id = :course AND student_id = :student")
        .param("course", course.value()).param("student", student.value())
        .query(AttendanceMarks::mark).list();
  }

  private static AttendanceMark mark(ResultSet rs, int row) throws SQLException {
    return new AttendanceMark(new ClassSessionId(rs.getObject(1, UUID.class)),
        new AccountId(rs.getObject(2, UUID.class)), AttendanceStatus.valueOf(rs.getString(3)),
        CheckInMethod.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), nullableDouble(rs, 6),
        nullableDouble(rs, 7));
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
