package sightline.attendance.checkin;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.attendance.AttendanceStatus;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * The attendance pages of the check-in part: a student's overview and check-in page, a teacher's overview and the
 * live roster of a session with its attempt log, marks and corrections, open early, close and the QR code.
 */
@Controller
class CheckInPagesController {

  private static final String ROSTER = "attendance/roster";

  private final AttendanceOverview overview;
  private final Rosters rosters;
  private final Courses courses;
  private final QrTokens qrTokens;
  private final String publicUrl;

  CheckInPagesController(AttendanceOverview overview, Rosters rosters, Courses courses, QrTokens qrTokens,
      @Value("${sightline.public-url:http://localhost:8080}") String publicUrl) {
    this.overview = overview;
    this.rosters = rosters;
    this.courses = courses;
    this.qrTokens = qrTokens;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @GetMapping("/attendance")
  String showOverview(@AuthenticationPrincipal SignedInUser user, Model model) {
    boolean student = user.has(Role.STUDENT);
    boolean teacher = user.has(Role.TEACHER) || user.has(Role.ADMIN);
    model.addAttribute("isStudent", student);
    model.addAttribute("isTeacher", teacher);
    model.addAttribute("student", student ? overview.student(user.id()) : null);
    model.addAttribute("taught", teacher ? overview.teacher(user.id()) : null);
    return "attendance/overview";
  }

  @GetMapping("/attendance/sessions/{sessionId}/check-in")
  String showCheckIn(@PathVariable UUID sessionId, @RequestParam(name = "qr", required = false) @Nullable String qr,
      @AuthenticationPrincipal SignedInUser user, Model model) {
    ClassSessionView session = courses.session(new ClassSessionId(sessionId));
    model.addAttribute("classSession", session);
    model.addAttribute("course", courses.get(session.course()));
    model.addAttribute("qr", qr == null ? "" : qr);
    return "attendance/check-in";
  }

  @GetMapping("/attendance/sessions/{sessionId}")
  String showRoster(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    var id = new ClassSessionId(sessionId);
    model.addAttribute("roster", rosters.roster(id, user));
    model.addAttribute("attempts", rosters.attempts(id, user));
    model.addAttribute("sessionId", sessionId);
    model.addAttribute("statuses", AttendanceStatus.values());
    return ROSTER;
  }

  @HxRequest
  @GetMapping("/attendance/sessions/{sessionId}/roster")
  String rosterRows(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("roster", rosters.roster(new ClassSessionId(sessionId), user));
    model.addAttribute("statuses", AttendanceStatus.values());
    return ROSTER + " :: roster";
  }

  @HxRequest
  @GetMapping("/attendance/sessions/{sessionId}/attempts")
  String attemptLog(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("attempts", rosters.attempts(new ClassSessionId(sessionId), user));
    model.addAttribute("sessionId", sessionId);
    return ROSTER + " :: attempts";
  }

  @HxRequest
  @PostMapping("/attendance/sessions/{sessionId}/marks")
  String markStudent(@PathVariable UUID sessionId, @RequestParam UUID student, @RequestParam AttendanceStatus status,
      @RequestParam(defaultValue = "") String remark, @AuthenticationPrincipal SignedInUser user, Model model) {
    var id = new ClassSessionId(sessionId);
    rosters.mark(id, new AccountId(student), status, remark, user);
    model.addAttribute("roster", rosters.roster(id, user));
    model.addAttribute("statuses", AttendanceStatus.values());
    return ROSTER + " :: roster";
  }

  @PostMapping("/attendance/sessions/{sessionId}/marks")
  String markStudentPage(@PathVariable UUID sessionId, @RequestParam UUID student,
      @RequestParam AttendanceStatus status, @RequestParam(defaultValue = "") String remark,
      @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    rosters.mark(new ClassSessionId(sessionId), new AccountId(student), status, remark, user);
    redirect.addFlashAttribute("notice", "checkin.roster.marked");
    return "redirect:/attendance/sessions/" + sessionId;
  }

  @PostMapping("/attendance/sessions/{sessionId}/open")
  String openEarly(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes redirect) {
    rosters.openEarly(new ClassSessionId(sessionId), user);
    redirect.addFlashAttribute("notice", "checkin.roster.opened");
    return "redirect:/attendance/sessions/" + sessionId;
  }

  @PostMapping("/attendance/sessions/{sessionId}/close")
  String close(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes redirect) {
    rosters.close(new ClassSessionId(sessionId), user);
    redirect.addFlashAttribute("notice", "checkin.roster.closed");
    return "redirect:/attendance/sessions/" + sessionId;
  }

  @PostMapping("/attendance/sessions/{sessionId}/qr")
  String showQr(@PathVariable UUID sessionId, @RequestParam boolean shown, @AuthenticationPrincipal SignedInUser user) {
    rosters.showQr(new ClassSessionId(sessionId), shown, user);
    return "redirect:/attendance/sessions/" + sessionId;
  }

  /** The QR code on show, refreshed by the page before each step ends. */
  @HxRequest
  @GetMapping("/attendance/sessions/{sessionId}/qr")
  String qrCode(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model,
      Locale locale) {
    var id = new ClassSessionId(sessionId);
    rosters.taughtSession(id, user);
    QrTokens.Token token = qrTokens.current(id);
    String url = publicUrl + "/attendance/sessions/" + sessionId + "/check-in?qr=" + token.value();
    model.addAttribute("qrImage", QrCodeSvg.dataUri(url));
    model.addAttribute("qrUrl", url);
    model.addAttribute("qrChangesAt", token.changesAt());
    return ROSTER + " :: qr";
  }
}
