package sightline.attendance.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionOperations;
import sightline.attendance.CheckInCorrected;
import sightline.attendance.CheckInRecorded;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;

/**
 * Warns a student by e-mail when their attendance in a course falls below the course's warning percentage: once
 * per fall (a row in {@code attendance.warning_sent} while they stay below; it goes when they are back above, so a
 * later fall warns again). Evaluated after every record and correction of theirs has committed, including the
 * absences marked when a session ends.
 *
 * <p>Mail goes through Spring's {@link JavaMailSender} with identity's delivery settings
 * ({@code sightline.identity.delivery.email=smtp}, {@code .from}, {@code spring.mail.*}); identity's own sender is
 * internal to it. With {@code log} the warning is only logged (development); with {@code none} nothing is sent.
 */
@Component
class AttendanceWarnings {

  private static final Logger log = LoggerFactory.getLogger(AttendanceWarnings.class);

  private final Courses courses;
  private final CourseReports reports;
  private final AccountDirectory accounts;
  private final JdbcClient jdbc;
  private final TransactionOperations transactions;
  private final MessageSource messages;
  private final ObjectProvider<JavaMailSender> mail;
  private final String via;
  private final String from;
  private final String school;
  private final String publicUrl;
  private final Clock clock;

  AttendanceWarnings(Courses courses, CourseReports reports, AccountDirectory accounts, JdbcClient jdbc,
      TransactionOperations transactions, MessageSource messages, ObjectProvider<JavaMailSender> mail,
      @Value("${sightline.identity.delivery.email:log}") String via,
      @Value("${sightline.identity.delivery.from:sightline@localhost}") String from,
      @Value("${sightline.school-name:Sightline}") String school,
      @Value("${sightline.public-url:http://localhost:8080}") String publicUrl, Clock clock) {
    this.courses = courses;
    this.reports = reports;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.messages = messages;
    this.mail = mail;
    this.via = via.strip().toLowerCase(Locale.ROOT);
    this.from = from;
    this.school = school;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  // Without a transaction of its own: each step below takes a short one, and none is open while the mail goes out.
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(CheckInRecorded event) {
    evaluate(event.course(), event.student());
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(CheckInCorrected event) {
    evaluate(event.course(), event.student());
  }

  /** Sends the warning when the student is below and was not warned since they fell; forgets it when above. */
  void evaluate(CourseId courseId, AccountId studentId) {
    CourseView course = courses.find(courseId).orElse(null);
    AccountView student = accounts.find(studentId).orElse(null);
    if (course == null || student == null) {
      return;
    }
    CourseReport.StudentSummary standing = reports.standing(course, studentId, student.displayName());
    if (!standing.below()) {
      transactions.executeWithoutResult(tx -> jdbc.sql(
              "DELETE FROM attendance.warning_sent WHERE course_id = :course AND student_id = :student")
          .param("course", courseId.value()).param("student", studentId.value()).update());
      return;
    }
    if (!claim(course, student, standing)) {
      return;
    }
    try {
      send(course, student, standing);
    } catch (RuntimeException e) {
      // Forget the claim so that the listener's retry (the publication stays incomplete) sends it again.
      transactions.executeWithoutResult(tx -> jdbc.sql(
              "DELETE FROM attendance.warning_sent WHERE course_id = :course AND student_id = :student")
          .param("course", courseId.value()).param("student", studentId.value()).update());
      throw e;
    }
  }

  /** Records the warning before it is sent, in a short transaction of its own; false when already warned. */
  private boolean claim(CourseView course, AccountView student, CourseReport.StudentSummary standing) {
    try {
      return Boolean.TRUE.equals(transactions.execute(tx -> insertClaim(course, student, standing)));
    } catch (DataIntegrityViolationException e) {
      // Another listener for the same student (two records at once) claimed it first: one warning is enough.
      return false;
    }
  }

  private boolean insertClaim(CourseView course, AccountView student, CourseReport.StudentSummary standing) {
    Integer existing = jdbc.sql("SELECT COUNT(*) FROM attendance.warning_sent WHERE course_id = :course "
            + "AND student_id = :student")
        .param("course", course.id().value()).param("student", student.id().value()).query(Integer.class)
        .single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql("INSERT INTO attendance.warning_sent (course_id, student_id, percent, sent_at) "
            + "VALUES (:course, :student, :percent, :at)")
        .param("course", course.id().value()).param("student", student.id().value())
        .param("percent", standing.percent()).param("at", Timestamp.from(clock.instant())).update();
    return true;
  }


  private void send(CourseView course, AccountView student, CourseReport.StudentSummary standing) {
    // The student's language is not stored; warnings are written in the school's default (English) bundle.
    Locale locale = Locale.ENGLISH;
    String percent = String.format(Locale.ROOT, "%.1f", standing.percent());
    String subject = messages.getMessage("reports.warning.subject", new Object[] {course.label()}, locale);
    String text = messages.getMessage("reports.warning.text", new Object[] {student.displayName(), course.label(),
        percent, course.warningPercent(), school, publicUrl + "/attendance"}, locale);
    switch (via) {
      case "smtp" -> {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
          throw new IllegalStateException("e-mail delivery is smtp but spring.mail.host is not set");
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(student.email());
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
      }
      case "log" -> log.info("Attendance warning (e-mail delivery is 'log') to account {}: {} — {}",
          student.id(), subject, text);
      default -> log.debug("Attendance warning not sent: e-mail delivery is {}", via);
    }
  }
}
