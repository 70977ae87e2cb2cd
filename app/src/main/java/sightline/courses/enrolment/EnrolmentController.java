package sightline.courses.enrolment;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.courses.CourseId;
import sightline.courses.CourseView;
import sightline.courses.NotCourseTeacher;
import sightline.courses.catalogue.CoursesService;
import sightline.courses.catalogue.EnrolmentSource;
import sightline.courses.catalogue.NoStudentAccount;
import sightline.courses.teaching.CoursePage;
import sightline.courses.teaching.EmailForm;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;

/**
 * A course's roster on its page: add a student by e-mail, remove one, and import a CSV in two steps. The preview
 * shows every row with its problems; the rows waiting for confirmation stay in the teacher's session under a
 * one-time id, so that what is enrolled is exactly what was shown. Rows with problems are left out.
 */
@Controller
class EnrolmentController {

  private static final String IMPORT_VIEW = "courses/roster-import";
  private static final String PENDING = EnrolmentController.class.getName() + ".pending";

  private final CoursesService courses;
  private final EnrolmentImport roster;

  EnrolmentController(CoursesService courses, EnrolmentImport roster) {
    this.courses = courses;
    this.roster = roster;
  }

  @PostMapping("/courses/{courseId}/students")
  String addStudent(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @Valid @ModelAttribute("studentForm") EmailForm form, BindingResult errors, RedirectAttributes redirect) {
    CourseView course = managed(courseId, user);
    if (errors.hasErrors()) {
      redirect.addFlashAttribute("problem", "courses.badEmail");
      return "redirect:/courses/" + courseId + "#roster";
    }
    try {
      AccountView student = courses.enrolByEmail(course.id(), form.email(), EnrolmentSource.TEACHER, user.id());
      return CoursePage.backWithNotice(course, "courses.roster.added", student.displayName(), redirect);
    } catch (NoStudentAccount e) {
      return CoursePage.backWithProblem(course, e, redirect);
    }
  }

  @PostMapping("/courses/{courseId}/students/{studentId}/remove")
  String removeStudent(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @PathVariable UUID studentId, RedirectAttributes redirect) {
    courses.unenrol(new CourseId(courseId), new AccountId(studentId), user.id());
    redirect.addFlashAttribute("notice", "courses.roster.removed");
    return "redirect:/courses/" + courseId + "#roster";
  }

  @GetMapping("/courses/{courseId}/students/import")
  String showImport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId, Model model) {
    model.addAttribute("course", managed(courseId, user));
    return IMPORT_VIEW;
  }

  @PostMapping("/courses/{courseId}/students/import")
  String previewImport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpSession session,
      Model model) throws IOException {
    CourseView course = managed(courseId, user);
    model.addAttribute("course", course);
    if (file == null || file.isEmpty()) {
      model.addAttribute("problem", "courses.import.noFile");
      return IMPORT_VIEW;
    }
    List<ImportRow> rows;
    try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      rows = roster.preview(course.id(), reader);
    } catch (ImportUnreadable e) {
      model.addAttribute("problem", e.messageKey());
      model.addAttribute("problemArgument", e.argument());
      return IMPORT_VIEW;
    }
    long valid = rows.stream().filter(ImportRow::valid).count();
    model.addAttribute("rows", rows);
    model.addAttribute("bad", rows.size() - valid);
    model.addAttribute("valid", valid);
    if (valid > 0) {
      String id = UUID.randomUUID().toString();
      session.setAttribute(PENDING, new Pending(id, course.id(), rows));
      model.addAttribute("importId", id);
    }
    return IMPORT_VIEW;
  }

  @PostMapping("/courses/{courseId}/students/import/confirm")
  String confirmImport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID courseId,
      @RequestParam String importId, HttpSession session, RedirectAttributes redirect) {
    CourseView course = managed(courseId, user);
    Pending pending = session.getAttribute(PENDING) instanceof Pending p ? p : null;
    session.removeAttribute(PENDING);
    if (pending == null || !pending.id().equals(importId) || !pending.course().equals(course.id())) {
      redirect.addFlashAttribute("problem", "courses.import.expired");
      return "redirect:/courses/" + courseId + "/students/import";
    }
    int added = roster.importValid(course.id(), pending.rows(), user.id());
    return CoursePage.backWithNotice(course, "courses.import.done", added, redirect);
  }

  /** A previewed import waiting for the teacher's confirmation. */
  record Pending(String id, CourseId course, List<ImportRow> rows) implements java.io.Serializable {}

  private CourseView managed(UUID courseId, SignedInUser user) {
    CourseView course = courses.visibleTo(new CourseId(courseId), user.id());
    if (!courses.manages(course, user.id())) {
      throw new NotCourseTeacher(course.id());
    }
    return course;
  }

}
