package sightline.attendance.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sightline.attendance.AttendanceStatus;
import sightline.attendance.CheckInMethod;
import sightline.attendance.record.StatusPointsView;
import sightline.courses.ClassSessionId;
import sightline.courses.CourseId;
import sightline.identity.SignedInUser;

/**
 * Attendance reports for integrators: a course's teachers and administrators read course and session reports as
 * JSON or as CSV, XLSX and PDF (by {@code Accept} or by suffix), and set the course's points per status; a student
 * reads their own percentage in each of their courses.
 */
@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance reports", description = "Course and session reports with their exports, points per "
    + "status, and a student's own percentages.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class ReportsApiController {

  private static final String JSON = "application/json";
  private static final String CSV = "text/csv";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String PDF = "application/pdf";

  /** Points per status (each 0..100, at least one above 0). */
  record PointsBody(@NotNull Integer present, @NotNull Integer late, @NotNull Integer excused,
      @NotNull Integer absent) {}

  /**
   * One student's standing.
   *
   * @param percent 0..100, null before any session counts
   * @param below   under the course's warning percentage
   */
  record StudentResponse(UUID student, String name, Map<AttendanceStatus, Integer> counts, int sessionsCounted,
      int points, int maxPoints, @Nullable Double percent, boolean below) {

    static StudentResponse of(CourseReport.StudentSummary s) {
      return new StudentResponse(s.student().value(), s.name(), s.counts(), s.sessionsCounted(), s.points(),
          s.maxPoints(), s.percent(), s.below());
    }
  }

  /** One session's records per status. */
  record SessionSummaryResponse(UUID session, String title, Instant startsAt, Instant endsAt,
      Map<AttendanceStatus, Integer> counts) {}

  /** A course report. */
  record CourseReportResponse(UUID course, String code, String title, String section, int warningPercent,
      PointsBody points, @Nullable Instant from, @Nullable Instant to, List<StudentResponse> students,
      List<SessionSummaryResponse> sessions) {}

  /** One student's record in a session; all but student and name null when unmarked. */
  record SessionRowResponse(UUID student, String name, @Nullable AttendanceStatus status,
      @Nullable Instant recordedAt, @Nullable CheckInMethod method, @Nullable Double similarity,
      @Nullable Double distanceMetres) {}

  /** A session report. */
  record SessionReportResponse(UUID session, UUID course, String title, Instant startsAt, Instant endsAt,
      List<SessionRowResponse> students) {}

  /** The caller's standing in one of their courses. */
  record MyCourseResponse(UUID course, String code, String title, int warningPercent, StudentResponse standing) {}

  private final CourseReports reports;
  private final ReportTables tables;
  private final ReportDownloads downloads;

  ReportsApiController(CourseReports reports, ReportTables tables, ReportDownloads downloads) {
    this.reports = reports;
    this.tables = tables;
    this.downloads = downloads;
  }

  @GetMapping(value = "/courses/{courseId}/report", produces = {JSON, CSV, XLSX, PDF})
  @Operation(summary = "A course's report: per student counts per status, points and percentage; per session "
      + "counts", description = "For the course's teachers and administrators. JSON, or a file headed with the "
      + "school's name and the period covered when Accept asks for text/csv, XLSX or application/pdf.")
  @ApiResponse(responseCode = "200", description = "The report", content = {
      @Content(mediaType = JSON, schema = @Schema(implementation = CourseReportResponse.class)),
      @Content(mediaType = CSV), @Content(mediaType = XLSX), @Content(mediaType = PDF)})
  @ApiResponse(responseCode = "403", description = "Not a teacher of the course", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such course", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<?> courseReport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = JSON) String accept, Locale locale) {
    ReportFormat asked = fileFormatOf(accept);
    if (asked != null) {
      return courseReportExport(user, courseId, asked.suffix(), locale);
    }
    CourseReport report = reports.courseReport(new CourseId(courseId), user);
    var course = report.course();
    var points = report.points();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new CourseReportResponse(
        course.id().value(), course.code(), course.title(), course.section(), course.warningPercent(),
        new PointsBody(points.present(), points.late(), points.excused(), points.absent()), report.from(),
        report.to(), report.students().stream().map(StudentResponse::of).toList(),
        report.sessions().stream().map(s -> new SessionSummaryResponse(s.session().id().value(),
            s.session().title(), s.session().startsAt(), s.session().endsAt(), s.counts())).toList()));
  }

  @GetMapping("/courses/{courseId}/report.{format}")
  @Operation(summary = "A course's report as a file: report.csv, report.xlsx or report.pdf")
  @ApiResponse(responseCode = "404", description = "No such course, or no such format", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<byte[]> courseReportExport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable String format, Locale locale) {
    ReportFormat chosen = ReportDownloads.format(format);
    CourseReport report = reports.courseReport(new CourseId(courseId), user);
    return downloads.download(tables.course(report, locale), chosen, report.course().code() + "-attendance");
  }

  @GetMapping("/courses/{courseId}/points")
  @Operation(summary = "The points each status earns in the course")
  PointsBody points(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId) {
    StatusPointsView points = reports.courseReport(new CourseId(courseId), user).points();
    return new PointsBody(points.present(), points.late(), points.excused(), points.absent());
  }

  @PutMapping("/courses/{courseId}/points")
  @Operation(summary = "Change the points each status earns in the course (each 0..100, at least one above 0)")
  @ApiResponse(responseCode = "400", description = "Out of range", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  PointsBody changePoints(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @RequestBody PointsBody body) {
    reports.changePoints(new CourseId(courseId), body.present(), body.late(), body.excused(), body.absent(), user);
    return body;
  }

  @GetMapping(value = "/sessions/{sessionId}/report", produces = {JSON, CSV, XLSX, PDF})
  @Operation(summary = "A session's report: each student's status, time, method, similarity and distance",
      description = "JSON, or a file when Accept asks for text/csv, XLSX or application/pdf.")
  @ApiResponse(responseCode = "200", description = "The report", content = {
      @Content(mediaType = JSON, schema = @Schema(implementation = SessionReportResponse.class)),
      @Content(mediaType = CSV), @Content(mediaType = XLSX), @Content(mediaType = PDF)})
  @ApiResponse(responseCode = "404", description = "No such session", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<?> sessionReport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID sessionId,
      @RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = JSON) String accept, Locale locale) {
    ReportFormat asked = fileFormatOf(accept);
    if (asked != null) {
      return sessionReportExport(user, sessionId, asked.suffix(), locale);
    }
    SessionReport report = reports.sessionReport(new ClassSessionId(sessionId), user);
    var session = report.session();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new SessionReportResponse(
        session.id().value(), session.course().value(), session.title(), session.startsAt(), session.endsAt(),
        report.rows().stream().map(row -> new SessionRowResponse(row.student().value(), row.name(), row.status(),
            row.recordedAt(), row.method(), row.similarity(), row.distanceMetres())).toList()));
  }

  @GetMapping("/sessions/{sessionId}/report.{format}")
  @Operation(summary = "A session's report as a file: report.csv, report.xlsx or report.pdf")
  ResponseEntity<byte[]> sessionReportExport(@AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID sessionId, @PathVariable String format, Locale locale) {
    ReportFormat chosen = ReportDownloads.format(format);
    SessionReport report = reports.sessionReport(new ClassSessionId(sessionId), user);
    return downloads.download(tables.session(report, locale), chosen,
        report.course().code() + "-" + report.session().title());
  }

  @GetMapping("/my/courses")
  @Operation(summary = "The caller's attendance in each course they are enrolled in",
      description = "Counts per status, points and percentage over the sessions that have started.")
  List<MyCourseResponse> myCourses(@AuthenticationPrincipal SignedInUser user) {
    return reports.myCourses(user.id(), user.displayName()).stream().map(mine -> new MyCourseResponse(
        mine.course().id().value(), mine.course().code(), mine.course().title(), mine.course().warningPercent(),
        StudentResponse.of(mine.summary()))).toList();
  }

  /**
   * The file format Accept asks for, when it names one of them before (or without) JSON; null for JSON, which is
   * also the answer to a wildcard.
   */
  private static @Nullable ReportFormat fileFormatOf(String accept) {
    for (String type : accept.split(",")) {
      String bare = type.split(";")[0].strip();
      if (bare.equals(JSON)) {
        return null;
      }
      for (ReportFormat format : ReportFormat.values()) {
        if (format.mediaType().toString().equals(bare)) {
          return format;
        }
      }
    }
    return null;
  }
}
