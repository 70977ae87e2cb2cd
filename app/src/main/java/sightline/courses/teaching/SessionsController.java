package sightline.courses.teaching;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.NotCourseTeacher;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.SessionAlreadyEnded;
import sightline.courses.catalogue.SessionRejected;
import sightline.identity.SignedInUser;
import sightline.system.Times;

/** Planning a course's sessions (one, or a weekly series), opening one early, closing it, deleting it. */
@Controller
class SessionsController {

  private final CoursesService courses;
  private final CoursePage page;
  private final Times times;

  SessionsController(CoursesService courses, CoursePage page, Times times) {
    this.courses = courses;
    this.page = page;
    this.times = times;
  }

  @PostMapping("/courses/{courseId}/sessions")
  String planSessions(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    CourseView course = courses.visibleTo(new CourseId(courseId), user.id());
    String missing = errors.hasErrors() ? null : form.missingPlaceField();
    if (missing != null) {
      errors.rejectValue(missing, "courses.session.placeNeeded");
    }
    if (!errors.hasErrors()) {
      try {
        List<ClassSessionView> planned = courses.schedule(course.id(), form.plan(form.zoneOr(times.zone())),
            form.repeatUntil(), form.zoneOr(times.zone()), user.id());
        return CoursePage.backWithNotice(course, "courses.session.planned", planned.size(), redirect);
      } catch (SessionRejected e) {
        errors.rejectValue(switch (e.field()) {
          case "until" -> "repeatUntil";
          case "title", "room", "endsAt" -> e.field();
          default -> "title";
        }, "courses.session.invalid." + e.field());
      }
    }
    model.addAttribute("sessionFormOpen", true);
    return page.show(course, user, model);
  }

  @PostMapping("/courses/{courseId}/sessions/{sessionId}/open")
  String openEarly(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID sessionId, RedirectAttributes redirect) {
    ClassSessionView session = sessionOf(courseId, sessionId, user);
    try {
      courses.openEarly(session.id(), user.id());
      redirect.addFlashAttribute("notice", "courses.session.opened");
      redirect.addFlashAttribute("noticeArguments", new Object[] {session.title()});
    } catch (SessionAlreadyEnded e) {
      return CoursePage.backWithProblem(courses.get(session.course()), e, redirect);
    }
    return "redirect:/courses/" + courseId + "#sessions";
  }

  @PostMapping("/courses/{courseId}/sessions/{sessionId}/close")
  String close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, @PathVariable UUID sessionId,
      RedirectAttributes redirect) {
    ClassSessionView session = sessionOf(courseId, sessionId, user);
    courses.close(session.id(), user.id());
    redirect.addFlashAttribute("notice", "courses.session.closed");
    redirect.addFlashAttribute("noticeArguments", new Object[] {session.title()});
    return "redirect:/courses/" + courseId + "#sessions";
  }

  /** The confirmation step before a session goes with its check-ins. */
  @GetMapping("/courses/{courseId}/sessions/{sessionId}/delete")
  String confirmDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID sessionId, Model model) {
    ClassSessionView session = sessionOf(courseId, sessionId, user);
    model.addAttribute("course", courses.get(session.course()));
    model.addAttribute("session", session);
    return "courses/delete-session";
  }

  @PostMapping("/courses/{courseId}/sessions/{sessionId}/delete")
  String delete(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, @PathVariable UUID sessionId,
      RedirectAttributes redirect) {
    ClassSessionView session = sessionOf(courseId, sessionId, user);
    courses.deleteSession(session.id(), user.id());
    redirect.addFlashAttribute("notice", "courses.session.deleted");
    redirect.addFlashAttribute("noticeArguments", new Object[] {session.title()});
    return "redirect:/courses/" + courseId + "#sessions";
  }

  /** The session, when it belongs to this course and {@code user} manages the course. */
  private ClassSessionView sessionOf(UUID courseId, UUID sessionId, SignedInUser user) {
    ClassSessionView session = courses.sessionVisibleTo(new ClassSessionId(sessionId), user.id());
    if (!session.course().value().equals(courseId)) {
      throw new ClassSessionNotFound(session.id());
    }
    if (!courses.manages(courses.get(session.course()), user.id())) {
      throw new NotCourseTeacher(session.course());
    }
    return session;
  }
}
