package sightline.attendance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import sightline.attendance.AttendanceStatus;
import sightline.system.Times;

/**
 * Turns reports into the tables the exports write, headed with the school's name ({@code sightline.school-name}) and
 * the period covered, in the reader's language; dates and times in the school's time zone.
 */
@Component
class ReportTables {

  private final MessageSource messages;
  private final Times times;
  private final String school;

  ReportTables(MessageSource messages, Times times, @Value("${sightline.school-name:Sightline}") String school) {
    this.messages = messages;
    this.times = times;
    this.school = school;
  }

  ReportTable course(CourseReport report, Locale locale) {
    List<String> headers = new ArrayList<>();
    headers.add(text("reports.student", locale));
    for (AttendanceStatus status : AttendanceStatus.values()) {
      headers.add(text("attendance.status." + status, locale));
    }
    headers.addAll(List.of(text("reports.sessionsCounted", locale), text("reports.points", locale),
        text("reports.maxPoints", locale), text("reports.percent", locale), text("reports.below", locale)));
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (CourseReport.StudentSummary student : report.students()) {
      List<@Nullable Object> row = new ArrayList<>();
      row.add(student.name());
      for (AttendanceStatus status : AttendanceStatus.values()) {
        row.add(student.count(status));
      }
      row.add(student.sessionsCounted());
      row.add(student.points());
      row.add(student.maxPoints());
      row.add(student.percent() == null ? null : Math.round(student.percent() * 10) / 10.0);
      row.add(student.below() ? text("reports.yes", locale) : "");
      rows.add(row);
    }
    String period = report.from() == null || report.to() == null ? text("reports.noPeriod", locale)
        : text("reports.period", locale, date(report.from()), date(report.to()));
    return new ReportTable(school, text("reports.courseTitle", locale, report.course().label()), period, headers,
        rows);
  }

  ReportTable session(SessionReport report, Locale locale) {
    List<String> headers = List.of(text("reports.student", locale), text("reports.statusColumn", locale),
        text("reports.time", locale), text("reports.method", locale), text("reports.similarity", locale),
        text("reports.distance", locale));
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (SessionReport.Row student : report.rows()) {
      List<@Nullable Object> row = new ArrayList<>();
      row.add(student.name());
      row.add(student.status() == null ? text("reports.unmarked", locale)
          : text("attendance.status." + student.status(), locale));
      row.add(student.recordedAt() == null ? null : time(student.recordedAt()));
      row.add(student.method() == null ? null : text("attendance.method." + student.method(), locale));
      row.add(student.similarity() == null ? null : Math.round(student.similarity() * 1000) / 1000.0);
      row.add(student.distanceMetres() == null ? null : (double) Math.round(student.distanceMetres()));
      rows.add(row);
    }
    var session = report.session();
    String period = text("reports.sessionPeriod", locale, time(session.startsAt()), time(session.endsAt()));
    return new ReportTable(school, text("reports.sessionTitle", locale, report.course().label(), session.title()),
        period, headers, rows);
  }

  String school() {
    return school;
  }

  private String date(Instant at) {
    return LocalDate.ofInstant(at, times.zone()).toString();
  }

  private String time(Instant at) {
    return times.minutes(at);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
