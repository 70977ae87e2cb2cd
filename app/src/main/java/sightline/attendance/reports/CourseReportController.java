package sightline.attendance.reports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.record.StatusPointsView;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.SignedInUser;

/**
 * The course report page for the course's teachers and administrators, its exports, the course's points per
 * status, and the session report with its exports (students are kept out by {@code ReportsSecurity}).
 */
@Controller
class CourseReportController {

  private static final String COURSE_VIEW = "attendance/course-report";
  private static final String SESSION_VIEW = "attendance/session-report";

  /** The points form; the range (0..100, one above 0) is checked by {@link CourseReports#changePoints}. */
  record PointsForm(@NotNull Integer present, @NotNull Integer late, @NotNull Integer excused,
      @NotNull Integer absent) {

    static PointsForm of(StatusPointsView points) {
      return new PointsForm(points.present(), points.late(), points.excused(), points.absent());
    }
  }

  private final CourseReports reports;
  private final ReportTables tables;
  private final ReportDownloads downloads;
  private final MessageSource messages;

  CourseReportController(CourseReports reports, ReportTables tables, ReportDownloads downloads,
      MessageSource messages) {
    this.reports = reports;
    this.tables = tables;
    this.downloads = downloads;
    this.messages = messages;
  }

  @GetMapping("/attendance/courses/{courseId}/report")
  String showCourseReport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, Model model,
      Locale locale) {
    CourseReport report = reports.courseReport(new CourseId(courseId), user);
    model.addAttribute("pointsForm", PointsForm.of(report.points()));
    return renderCourseReport(report, model, locale);
  }

  @GetMapping("/attendance/courses/{courseId}/report.{format}")
  ResponseEntity<byte[]> exportCourseReport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable String format, Locale locale) {
    ReportFormat chosen = ReportDownloads.format(format);
    CourseReport report = reports.courseReport(new CourseId(courseId), user);
    return downloads.download(tables.course(report, locale), chosen, report.course().code() + "-attendance");
  }

  @PostMapping("/attendance/courses/{courseId}/report/points")
  String changePoints(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @ModelAttribute("pointsForm") PointsForm form, BindingResult errors, Model model, Locale locale,
      RedirectAttributes redirect) {
    CourseId course = new CourseId(courseId);
    if (!errors.hasErrors()) {
      try {
        reports.changePoints(course, form.present(), form.late(), form.excused(), form.absent(), user);
        redirect.addFlashAttribute("notice", "reports.pointsChanged");
        return "redirect:/attendance/courses/" + courseId + "/report";
      } catch (PointsOutOfRange e) {
        errors.reject("reports.pointsInvalid");
      }
    }
    return renderCourseReport(reports.courseReport(course, user), model, locale);
  }

  @GetMapping("/attendance/sessions/{sessionId}/report")
  String showSessionReport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId, Model model) {
    model.addAttribute("report", reports.sessionReport(new ClassSessionId(sessionId), user));
    return SESSION_VIEW;
  }

  @GetMapping("/attendance/sessions/{sessionId}/report.{format}")
  ResponseEntity<byte[]> exportSessionReport(@AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID sessionId, @PathVariable String format, Locale locale) {
    ReportFormat chosen = ReportDownloads.format(format);
    SessionReport report = reports.sessionReport(new ClassSessionId(sessionId), user);
    return downloads.download(tables.session(report, locale), chosen,
        report.course().code() + "-" + report.session().title());
  }

  private String renderCourseReport(CourseReport report, Model model, Locale locale) {
    List<String> statusNames = Arrays.stream(AttendanceStatus.values())
        .map(status -> messages.getMessage("attendance.status." + status, null, locale)).toList();
    model.addAttribute("report", report);
    model.addAttribute("statuses", AttendanceStatus.values());
    model.addAttribute("legend", ReportCharts.legend());
    model.addAttribute("sessionChart", ReportCharts.perSession(report, statusNames));
    model.addAttribute("studentChart", ReportCharts.perStudent(report, statusNames));
    model.addAttribute("school", tables.school());
    return COURSE_VIEW;
  }
}
