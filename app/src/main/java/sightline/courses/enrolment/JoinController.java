package sightline.courses.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.courses.CourseView;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.JoinCodeUnknown;
import sightline.identity.SignedInUser;

/** Students enrol themselves by typing the code their teacher shared. */
@Controller
class JoinController {

  private static final String VIEW = "courses/join";

  /** The code as typed; case, spaces and dashes do not matter. */
  record JoinForm(@NotBlank @Size(max = 20) String code) {}

  private final CoursesService courses;

  JoinController(CoursesService courses) {
    this.courses = courses;
  }

  @GetMapping("/courses/join")
  String showJoin(Model model) {
    model.addAttribute("form", new JoinForm(""));
    return VIEW;
  }

  @PostMapping("/courses/join")
  String join(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") JoinForm form,
      BindingResult errors, RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        CourseView course = courses.join(form.code(), user.id());
        redirect.addFlashAttribute("notice", "courses.joined");
        redirect.addFlashAttribute("noticeArguments", new Object[] {course.label()});
        return "redirect:/courses/" + course.id();
      } catch (JoinCodeUnknown e) {
        errors.rejectValue("code", "courses.join.unknown");
      }
    }
    return VIEW;
  }
}
