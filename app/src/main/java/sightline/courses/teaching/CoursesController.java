package sightline.courses.teaching;

import jakarta.validation.Valid;
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
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.NotCourseTeacher;
import sightline.courses.catalogue.CourseAlreadyExists;
import sightline.courses.catalogue.CourseRejected;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.NoTeacherAccount;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/**
 * The courses list (the courses one teaches, or attends, or all of them for administrators), creating a course, and a
 * course's page with its settings, co-teachers and deletion.
 */
@Controller
class CoursesController {

  private static final String LIST_VIEW = "courses/courses";

  private final CoursesService courses;
  private final CoursePage page;

  CoursesController(CoursesService courses, CoursePage page) {
    this.courses = courses;
    this.page = page;
  }

  @GetMapping("/courses")
  String listCourses(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("form", CourseForm.empty());
    return showList(user, model);
  }

  @PostMapping("/courses")
  String createCourse(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") CourseForm form,
      BindingResult errors, Model model, RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        CourseView course = courses.create(form.settings(), user.id());
        return CoursePage.backWithNotice(course, "courses.created", course.label(), redirect);
      } catch (CourseRejected e) {
        errors.rejectValue(e.field(), "courses.invalid");
      } catch (CourseAlreadyExists e) {
        errors.rejectValue("section", "courses.exists");
      }
    }
    return showList(user, model);
  }

  @GetMapping("/courses/{courseId}")
  String showCourse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, Model model) {
    return page.show(courses.visibleTo(new CourseId(courseId), user.id()), user, model);
  }

  @PostMapping("/courses/{courseId}/settings")
  String changeSettings(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @ModelAttribute("settingsForm") CourseForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    CourseView course = managed(courseId, user);
    if (!errors.hasErrors()) {
      try {
        CourseView changed = courses.change(course.id(), form.settings(), user.id());
        return CoursePage.backWithNotice(changed, "courses.saved", changed.label(), redirect);
      } catch (CourseRejected e) {
        errors.rejectValue(e.field(), "courses.invalid");
      } catch (CourseAlreadyExists e) {
        errors.rejectValue("section", "courses.exists");
      }
    }
    return page.show(course, user, model);
  }

  @PostMapping("/courses/{courseId}/join-code")
  String replaceJoinCode(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      RedirectAttributes redirect) {
    CourseView course = courses.replaceJoinCode(new CourseId(courseId), user.id());
    return CoursePage.backWithNotice(course, "courses.joinCode.replaced", course.joinCode(), redirect);
  }

  @PostMapping("/courses/{courseId}/co-teachers")
  String addCoTeacher(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @ModelAttribute("coTeacherForm") EmailForm form, BindingResult errors, RedirectAttributes redirect) {
    CourseView course = managed(courseId, user);
    if (errors.hasErrors()) {
      redirect.addFlashAttribute("problem", "courses.badEmail");
      return "redirect:/courses/" + courseId;
    }
    try {
      courses.addCoTeacher(course.id(), form.email(), user.id());
      return CoursePage.backWithNotice(course, "courses.coTeacher.added", form.email().strip(), redirect);
    } catch (NoTeacherAccount e) {
      return CoursePage.backWithProblem(course, e, redirect);
    }
  }

  @PostMapping("/courses/{courseId}/co-teachers/{teacherId}/remove")
  String removeCoTeacher(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID teacherId, RedirectAttributes redirect) {
    CourseView course = courses.removeCoTeacher(new CourseId(courseId), new AccountId(teacherId), user.id());
    redirect.addFlashAttribute("notice", "courses.coTeacher.removed");
    return "redirect:/courses/" + course.id();
  }

  /** The confirmation step before a course goes with everything that belongs to it. */
  @GetMapping("/courses/{courseId}/delete")
  String confirmDeleteCourse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, Model model) {
    CourseView course = managed(courseId, user);
    model.addAttribute("course", course);
    model.addAttribute("sessionCount", courses.sessions(course.id()).size());
    model.addAttribute("studentCount", courses.enrolledStudents(course.id()).size());
    return "courses/delete-course";
  }

  @PostMapping("/courses/{courseId}/delete")
  String deleteCourse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      RedirectAttributes redirect) {
    CourseView course = courses.get(new CourseId(courseId));
    courses.delete(course.id(), user.id());
    redirect.addFlashAttribute("notice", "courses.deleted");
    redirect.addFlashAttribute("noticeArguments", new Object[] {course.label()});
    return "redirect:/courses";
  }

  private CourseView managed(UUID courseId, SignedInUser user) {
    CourseView course = courses.visibleTo(new CourseId(courseId), user.id());
    if (!courses.manages(course, user.id())) {
      throw new NotCourseTeacher(course.id());
    }
    return course;
  }

  private String showList(SignedInUser user, Model model) {
    boolean admin = user.has(Role.ADMIN);
    boolean teaches = admin || user.has(Role.TEACHER);
    model.addAttribute("teaches", teaches);
    model.addAttribute("admin", admin);
    model.addAttribute("taught", !teaches ? java.util.List.of()
        : admin ? courses.everyCourse() : courses.coursesTaughtBy(user.id()));
    model.addAttribute("attends", user.has(Role.STUDENT));
    model.addAttribute("attended", user.has(Role.STUDENT) ? courses.coursesOf(user.id()) : java.util.List.of());
    return LIST_VIEW;
  }
}
