package sightline.engagement.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.engagement.EngagementState;
import sightline.engagement.access.EngagementAccess;
import sightline.engagement.live.LiveMessages.Identity;
import sightline.engagement.live.LiveMessages.StudentUpdate;
import sightline.engagement.report.SessionReport;
import sightline.engagement.report.SessionReports;
import sightline.engagement.timeline.StateTimes;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.SignedInUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live pages: a student's list of online sessions open now (and their own past engagement), the page that
 * streams their camera, and a teacher's live dashboard of a session.
 */
@Controller
class EngagementPagesController {

  /** A teacher's sessions shown on the list: from a week ago to a day ahead. */
  private static final Duration RECENT = Duration.ofDays(7);
  private static final Duration SOON = Duration.ofDays(1);

  /** A session on a list, with its course. */
  record SessionRow(ClassSessionView session, CourseView course, boolean open, int percent) {}

  private final Courses courses;
  private final LiveClasses live;
  private final EngagementAccess access;
  private final SessionReports reports;
  private final TimelineStore store;
  private final EngagementEngine engine;
  private final JsonMapper json;
  private final Clock clock;

  EngagementPagesController(Courses courses, LiveClasses live, EngagementAccess access, SessionReports reports,
      TimelineStore store, EngagementEngine engine, JsonMapper json, Clock clock) {
    this.courses = courses;
    this.live = live;
    this.access = access;
    this.reports = reports;
    this.store = store;
    this.engine = engine;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/engagement")
  String index(@AuthenticationPrincipal SignedInUser user, Model model) {
    Instant now = clock.instant();
    List<SessionRow> open = new ArrayList<>();
    for (ClassSessionView session : courses.openSessionsFor(user.id(), now)) {
      if (session.isOnline()) {
        open.add(new SessionRow(session, courses.get(session.course()), true, -1));
      }
    }
    List<SessionRow> teaching = new ArrayList<>();
    for (CourseView course : courses.coursesTaughtBy(user.id())) {
      for (ClassSessionView session : courses.sessions(course.id())) {
        if (session.isOnline() && session.closesAt().isAfter(now.minus(RECENT))
            && session.startsAt().isBefore(now.plus(SOON))) {
          teaching.add(new SessionRow(session, course, session.isOpenAt(now), -1));
        }
      }
    }
    teaching.sort(Comparator.comparing((SessionRow r) -> r.session().startsAt()).reversed());
    List<SessionRow> mine = new ArrayList<>();
    store.sessionsOf(user.id()).forEach((id, totals) -> {
      try {
        ClassSessionView session = courses.session(id);
        mine.add(new SessionRow(session, courses.get(session.course()), session.isOpenAt(now),
            totals.engagementPercent()));
      } catch (ClassSessionNotFound e) {
        // Deleted since; its buckets went with it.
      }
    });
    model.addAttribute("open", open);
    model.addAttribute("teaching", teaching);
    model.addAttribute("mine", mine);
    return "engagement/index";
  }

  @GetMapping("/engagement/sessions/{sessionId}/join")
  String join(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    ClassSessionView session = live.admit(new ClassSessionId(sessionId), user.id(), clock.instant());
    model.addAttribute("classSession", session);
    model.addAttribute("course", courses.get(session.course()));
    model.addAttribute("intervalMillis", engine.intervalMillis());
    model.addAttribute("states", EngagementState.values());
    return "engagement/join";
  }

  @GetMapping("/engagement/sessions/{sessionId}")
  String dashboard(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    ClassSessionId id = new ClassSessionId(sessionId);
    var taught = access.teaching(id, user);
    SessionReport stored = reports.of(taught.session(), taught.course());
    Map<UUID, StudentUpdate> rows = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (SessionReport.StudentLine line : stored.students()) {
      rows.put(line.student().value(), new StudentUpdate(line.student().value(), line.name(), null, line.percent(),
          List.of(), java.util.Set.of(), Identity.UNCHECKED, now));
    }
    for (StudentUpdate update : live.snapshot(id)) {
      rows.put(update.student(), update);
    }
    model.addAttribute("classSession", taught.session());
    model.addAttribute("course", taught.course());
    model.addAttribute("open", taught.session().isOpenAt(now));
    model.addAttribute("rows", rows.values());
    model.addAttribute("initial", json.writeValueAsString(new Initial(List.copyOf(rows.values()),
        stored.classAverage(), classPercent(stored))));
    model.addAttribute("topic", EngagementAccess.topic(id));
    model.addAttribute("states", EngagementState.values());
    return "engagement/dashboard";
  }

  /** The dashboard's first paint, for its script: the rows, the stored class average and the overall figure. */
  record Initial(List<StudentUpdate> rows, List<SessionReport.ClassPoint> classAverage, @Nullable Integer percent) {}

  private static @Nullable Integer classPercent(SessionReport report) {
    int percent = report.students().stream().map(SessionReport.StudentLine::totals)
        .reduce(StateTimes.NONE, StateTimes::plus).engagementPercent();
    return percent < 0 ? null : percent;
  }
}
