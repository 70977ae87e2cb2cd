package sightline.engagement.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;
import sightline.engagement.EngagementState;
import sightline.engagement.NotInCourse;
import sightline.engagement.access.EngagementAccess;
import sightline.identity.SignedInUser;

/**
 * After class: the teacher's report of a session (per-student timelines and the class average as inline SVG, CSV
 * and PDF), and a student's own timeline of a session.
 */
@Controller
class ReportController {

  static final Duration BUCKET = sightline.engagement.timeline.StudentTimeline.BUCKET;

  private final EngagementAccess access;
  private final SessionReports reports;
  private final ReportExports exports;
  private final Courses courses;
  private final MessageSource messages;

  ReportController(EngagementAccess access, SessionReports reports, ReportExports exports, Courses courses,
      MessageSource messages) {
    this.access = access;
    this.reports = reports;
    this.exports = exports;
    this.courses = courses;
    this.messages = messages;
  }

  @GetMapping("/engagement/sessions/{sessionId}/report")
  String report(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Locale locale,
      Model model) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    SessionReport report = reports.of(taught.session(), taught.course());
    Instant from = from(report);
    Instant to = to(report);
    Map<UUID, String> strips = new LinkedHashMap<>();
    for (SessionReport.StudentLine line : report.students()) {
      strips.put(line.student().value(), Charts.strip(line.timeline(), from, to, BUCKET,
          text("engagement.report.stripLabel", locale, line.name()), state -> stateName(state, locale)));
    }
    model.addAttribute("report", report);
    model.addAttribute("strips", strips);
    model.addAttribute("classChart", Charts.classAverage(report.classAverage(), from, to,
        text("engagement.report.classChartLabel", locale)));
    model.addAttribute("states", EngagementState.values());
    return "engagement/report";
  }

  @GetMapping("/engagement/sessions/{sessionId}/report.csv")
  ResponseEntity<byte[]> csv(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    return download(exports.csv(reports.of(taught.session(), taught.course()), locale)
        .getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8", "engagement-" + sessionId + ".csv");
  }

  @GetMapping("/engagement/sessions/{sessionId}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      Locale locale) {
    var taught = access.teaching(new ClassSessionId(sessionId), user);
    return download(exports.pdf(reports.of(taught.session(), taught.course()), locale, ZoneId.of("UTC")),
        MediaType.APPLICATION_PDF_VALUE, "engagement-" + sessionId + ".pdf");
  }

  /** A student's own timeline of a session of one of their courses. */
  @GetMapping("/engagement/sessions/{sessionId}/me")
  String mine(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
    ClassSessionId id = new ClassSessionId(sessionId);
    ClassSessionView session = courses.session(id);
    SessionReport.StudentLine line = reports.own(id, user.id());
    if (!courses.isEnrolled(session.course(), user.id()) && line.timeline().isEmpty()) {
      throw new NotInCourse(id);
    }
    Instant from = line.timeline().isEmpty() || session.startsAt().isBefore(line.timeline().getFirst().start())
        ? session.startsAt() : line.timeline().getFirst().start();
    Instant to = line.timeline().isEmpty() ? session.closesAt()
        : later(session.closesAt(), line.timeline().getLast().start().plus(BUCKET));
    model.addAttribute("classSession", session);
    model.addAttribute("course", courses.get(session.course()));
    model.addAttribute("line", line);
    model.addAttribute("strip", Charts.strip(line.timeline(), from, to, BUCKET,
        text("engagement.report.stripLabel", locale, line.name()), state -> stateName(state, locale)));
    model.addAttribute("states", EngagementState.values());
    return "engagement/mine";
  }

  static Instant from(SessionReport report) {
    Instant from = report.session().startsAt();
    for (SessionReport.StudentLine line : report.students()) {
      if (!line.timeline().isEmpty() && line.timeline().getFirst().start().isBefore(from)) {
        from = line.timeline().getFirst().start();
      }
    }
    return from;
  }

  static Instant to(SessionReport report) {
    Instant to = report.session().closesAt();
    for (SessionReport.StudentLine line : report.students()) {
      if (!line.timeline().isEmpty()) {
        to = later(to, line.timeline().getLast().start().plus(BUCKET));
      }
    }
    return to;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  private String stateName(EngagementState state, Locale locale) {
    return text("engagement.state." + state, locale);
  }

  private String text(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }
}
