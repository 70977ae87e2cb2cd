package sightline.courses.teaching;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;
import sightline.system.Times;

/**
 * The course page, for its teachers (settings, co-teachers, roster, sessions) or its students (sessions only), so
 * that every handler that re-renders it after a mistake shows the same page.
 */
@Component
public class CoursePage {

  static final String VIEW = "courses/course";

  private final CoursesService courses;
  private final AccountDirectory accounts;
  private final Times times;
  private final Clock clock;

  CoursePage(CoursesService courses, AccountDirectory accounts, Times times, Clock clock) {
    this.courses = courses;
    this.accounts = accounts;
    this.times = times;
    this.clock = clock;
  }

  /** Fills the model for {@code course} as {@code viewer} may see it; forms already in the model are kept. */
  String show(CourseView course, SignedInUser viewer, Model model) {
    boolean manages = courses.manages(course, viewer.id());
    model.addAttribute("course", course);
    model.addAttribute("manages", manages);
    model.addAttribute("teacherName", accounts.find(course.teacher()).map(AccountView::displayName).orElse(""));
    model.addAttribute("sessions", courses.sessions(course.id()));
    model.addAttribute("now", clock.instant());
    if (manages) {
      model.addAttribute("owns", course.teacher().equals(viewer.id()) || viewer.roles().contains(
          sightline.identity.Role.ADMIN));
      model.addAttribute("coTeachers", courses.coTeachers(course));
      model.addAttribute("roster", courses.roster(course.id(), viewer.id()));
      if (!model.containsAttribute("settingsForm")) {
        model.addAttribute("settingsForm", CourseForm.of(course));
      }
      if (!model.containsAttribute("sessionForm")) {
        model.addAttribute("sessionForm", SessionForm.empty(times.zone()));
      }
    }
    return VIEW;
  }

  /** Goes back to the course page with an exception's problem detail as the page's problem message. */
  public static String backWithProblem(CourseView course, ErrorResponse problem, RedirectAttributes redirect) {
    redirect.addFlashAttribute("problem", problem.getDetailMessageCode());
    redirect.addFlashAttribute("problemArguments", problem.getDetailMessageArguments());
    return "redirect:/courses/" + course.id();
  }

  /** Goes back to the course page with a notice (a message key and its one argument). */
  public static String backWithNotice(CourseView course, String notice, Object argument,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", notice);
    redirect.addFlashAttribute("noticeArguments", new Object[] {argument});
    return "redirect:/courses/" + course.id();
  }
}
