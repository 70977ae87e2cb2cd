package sightline.engagement.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;
import sightline.engagement.EngagementState;
import sightline.engagement.NotInCourse;
import sightline.engagement.access.EngagementAccess;
import sightline.engagement.timeline.BucketTimes;
import sightline.engagement.timeline.StateTimes;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.SignedInUser;

/**
 * Engagement reports for clients: a session's class report (its teachers and administrators) as JSON, CSV or PDF,
 * and a student's own timelines. Live frames do not come this way; they go over STOMP (see the architecture notes).
 */
@RestController
@RequestMapping("/api/v1/engagement")
@Tag(name = "Engagement", description = "Presence and attention in online classes: time per state in 10 s buckets, "
    + "engagement = attentive time / present time. Teachers read their sessions' reports, students their own "
    + "timelines.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class EngagementApiController {

  /** Seconds per state in one stretch of time, and the identity spot checks made in it. */
  record Times(Map<EngagementState, Double> seconds, double presentSeconds, @Nullable Integer percent,
      int identityChecks, int identityMismatches) {

    static Times of(StateTimes times) {
      Map<EngagementState, Double> seconds = new EnumMap<>(EngagementState.class);
      for (EngagementState state : EngagementState.values()) {
        seconds.put(state, times.millis(state) / 1000.0);
      }
      int percent = times.engagementPercent();
      return new Times(seconds, times.presentMillis() / 1000.0, percent < 0 ? null : percent,
          times.identityChecks(), times.identityMismatches());
    }
  }

  /** One 10 s bucket of a timeline. */
  record Bucket(Instant start, Times times) {}

  /** One student's line of a report. */
  record StudentReport(UUID student, String name, Times totals, List<Bucket> timeline) {}

  /** The class average of one bucket, over the students present in it. */
  record ClassPoint(Instant at, int percent, int students) {}

  /** A session's report. */
  record SessionReportResponse(UUID session, UUID course, String courseLabel, String title, Instant startsAt,
      Instant endsAt, @Nullable Integer classPercent, List<StudentReport> students, List<ClassPoint> classAverage) {}

  /** One of the caller's sessions with their totals. */
  record MySession(UUID session, UUID course, String title, Instant startsAt, Times totals) {}

  private final EngagementAccess access;
  private final SessionReports reports;
  private final ReportExports exports;
  private final TimelineStore store;
  private final Courses courses;

  EngagementApiController(EngagementAccess access, SessionReports reports, ReportExports exports,
      TimelineStore store, Courses courses) {
    this.access = access;
    this.reports = reports;
    this.exports = exports;
    this.store = store;
    this.courses = courses;
  }

  @GetMapping("/sessions/{sessionId}/report")
  @Operation(summary = "A session's engagement report", description = "Every enrolled student's totals and 10 s "
      + "timeline, and the class average per bucket. For the course's teachers and administrators.")
  @ApiResponse(responseCode = "200", description = "The report")
  @ApiResponse(responseCode = "403", description = "Not a teacher of the course", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such session", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  SessionReportResponse report(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    SessionReport report = reports.of(taught.session(), taught.course());
    int classPercent = report.classPercent();
    return new SessionReportResponse(sessionId, report.course().id().value(), report.course().label(),
        report.session().title(), report.session().startsAt(), report.session().closesAt(),
        classPercent < 0 ? null : classPercent,
        report.students().stream().map(line -> new StudentReport(line.student().value(), line.name(),
            Times.of(line.totals()), buckets(line.timeline()))).toList(),
        report.classAverage().stream().map(p -> new ClassPoint(p.at(), p.percent(), p.students())).toList());
  }

  @GetMapping(value = "/sessions/{sessionId}/report.csv", produces = "text/csv")
  @Operation(summary = "A session's engagement report as CSV", description = "One line per student: engagement %, "
      + "present seconds, seconds per state, identity checks and mismatches. Column names in the caller's language.")
  @ApiResponse(responseCode = "200", description = "CSV (UTF-8)")
  @ApiResponse(responseCode = "403", description = "Not a teacher of the course")
  @ApiResponse(responseCode = "404", description = "No such session")
  ResponseEntity<byte[]> reportCsv(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    return ReportController.download(exports.csv(reports.of(taught.session(), taught.course()), locale)
        .getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8", "engagement-" + sessionId + ".csv");
  }

  @GetMapping(value = "/sessions/{sessionId}/report.pdf", produces = "application/pdf")
  @Operation(summary = "A session's engagement report as PDF", description = "The class average chart and one line "
      + "per student.")
  @ApiResponse(responseCode = "200", description = "PDF")
  @ApiResponse(responseCode = "403", description = "Not a teacher of the course")
  @ApiResponse(responseCode = "404", description = "No such session")
  ResponseEntity<byte[]> reportPdf(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    return ReportController.download(exports.pdf(reports.of(taught.session(), taught.course()), locale,
        ZoneId.of("UTC")), "application/pdf", "engagement-" + sessionId + ".pdf");
  }

  @GetMapping("/me/sessions")
  @Operation(summary = "My sessions with engagement", description = "The sessions the caller streamed their camera "
      + "in, newest first, with their own totals. Nobody else's data.")
  @ApiResponse(responseCode = "200", description = "The sessions")
  List<MySession> mySessions(@AuthenticationPrincipal SignedInUser user) {
    List<MySession> out = new ArrayList<>();
    store.sessionsOf(user.id()).forEach((id, totals) -> {
      try {
        ClassSessionView session = courses.session(id);
        out.add(new MySession(id.value(), session.course().value(), session.title(), session.startsAt(),
            Times.of(totals)));
      } catch (sightline.courses.ClassSessionNotFound e) {
        // Deleted since: its buckets go with it.
      }
    });
    return out;
  }

  @GetMapping("/me/sessions/{sessionId}")
  @Operation(summary = "My timeline of a session", description = "The caller's own 10 s buckets and totals.")
  @ApiResponse(responseCode = "200", description = "The timeline (empty when the caller never streamed)")
  @ApiResponse(responseCode = "403", description = "Not enrolled in the course", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No such session", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  StudentReport myTimeline(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user) {
    ClassSessionId id = new ClassSessionId(sessionId);
    ClassSessionView session = courses.session(id);
    SessionReport.StudentLine line = reports.own(id, user.id());
    if (!courses.isEnrolled(session.course(), user.id()) && line.timeline().isEmpty()) {
      throw new NotInCourse(id);
    }
    return new StudentReport(user.id().value(), line.name(), Times.of(line.totals()), buckets(line.timeline()));
  }

  private static List<Bucket> buckets(List<BucketTimes> timeline) {
    return timeline.stream().map(b -> new Bucket(b.start(), Times.of(b.times()))).toList();
  }
}
