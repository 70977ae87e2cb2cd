package sightline.identity.roster;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.SignedInUser;

/**
 * Roster import in two steps: upload shows a preview with each row's problems; import creates a clean roster in one
 * transaction in the background, with a progress page. The previewed rows wait in the administrator's session under a one-time id, so the file is read
 * once and what is imported is exactly what was shown.
 */
@Controller
class RosterController {

  private static final String VIEW = "identity/roster";
  private static final String PROGRESS_VIEW = "identity/roster-progress";
  private static final String PENDING = RosterController.class.getName() + ".pending";

  private final RosterImport roster;
  private final RosterJobs jobs;

  RosterController(RosterImport roster, RosterJobs jobs) {
    this.roster = roster;
    this.jobs = jobs;
  }

  @GetMapping("/admin/accounts/import")
  String showImport() {
    return VIEW;
  }

  @PostMapping("/admin/accounts/import")
  String previewImport(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpSession session, Model model) throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("problem", "roster.noFile");
      return VIEW;
    }
    List<RosterRow> rows;
    try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      rows = roster.preview(reader);
    } catch (RosterUnreadable e) {
      model.addAttribute("problem", e.messageKey());
      model.addAttribute("problemArgument", e.argument());
      return VIEW;
    }
    long bad = rows.stream().filter(row -> !row.valid()).count();
    model.addAttribute("rows", rows);
    model.addAttribute("bad", bad);
    if (bad == 0 && !rows.isEmpty()) {
      String id = UUID.randomUUID().toString();
      session.setAttribute(PENDING, Map.entry(id, rows));
      model.addAttribute("importId", id);
    }
    return VIEW;
  }

  @PostMapping("/admin/accounts/import/confirm")
  String confirmImport(@AuthenticationPrincipal SignedInUser admin, @RequestParam String importId,
      @RequestParam(defaultValue = "false") boolean invite, HttpSession session, RedirectAttributes redirect,
      Locale locale) {
    @SuppressWarnings("unchecked")
    var pending = (Map.Entry<String, List<RosterRow>>) session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    if (pending == null || !pending.getKey().equals(importId)) {
      redirect.addFlashAttribute("problem", "roster.expired");
      return "redirect:/admin/accounts/import";
    }
    return "redirect:/admin/accounts/import/" + jobs.start(pending.getValue(), admin.id(), invite, locale);
  }

  /** The import's progress page; it polls {@link #progressFragment} with htmx until the import ends. */
  @GetMapping("/admin/accounts/import/{job}")
  String showProgress(@AuthenticationPrincipal SignedInUser admin, @PathVariable String job, Model model) {
    model.addAttribute("job", job);
    model.addAttribute("progress", progressOf(job, admin));
    return PROGRESS_VIEW;
  }

  @GetMapping("/admin/accounts/import/{job}/progress")
  String progressFragment(@AuthenticationPrincipal SignedInUser admin, @PathVariable String job, Model model) {
    model.addAttribute("job", job);
    model.addAttribute("progress", progressOf(job, admin));
    return PROGRESS_VIEW + " :: progress";
  }

  private RosterJobs.Progress progressOf(String job, SignedInUser admin) {
    return jobs.progress(job, admin.id())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such roster import"));
  }
}
