package sightline.faceapi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;

/** Administrators manage the face API's applications and keys (the page is under {@code /admin}, ADMIN only). */
@Controller
class FaceApiAdminController {

  private static final String LIST_VIEW = "faceapi/face-api";
  private static final String APPLICATION_VIEW = "faceapi/face-api-application";

  record CreateApplicationForm(@NotBlank @Size(max = 100) String name) {
    static CreateApplicationForm empty() {
      return new CreateApplicationForm("");
    }
  }

  record CreateKeyForm(@NotBlank @Size(max = 100) String name, @NotEmpty Set<FaceApiScope> scopes) {
    static CreateKeyForm empty() {
      return new CreateKeyForm("", EnumSet.noneOf(FaceApiScope.class));
    }
  }

  /** One administrator action with the administrator's name. */
  record ActionView(String action, @Nullable UUID keyId, String actor, Instant at) {}

  private final FaceApplications applications;
  private final AccountDirectory accounts;

  FaceApiAdminController(FaceApplications applications, AccountDirectory accounts) {
    this.applications = applications;
    this.accounts = accounts;
  }

  @GetMapping("/admin/face-api")
  String listApplications(Model model) {
    model.addAttribute("form", CreateApplicationForm.empty());
    return showApplications(model);
  }

  @PostMapping("/admin/face-api")
  String createApplication(@AuthenticationPrincipal SignedInUser admin,
      @Valid @ModelAttribute("form") CreateApplicationForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        UUID id = applications.createApplication(form.name(), admin.id());
        redirect.addFlashAttribute("notice", "faceApi.applicationCreated");
        return "redirect:/admin/face-api/" + id;
      } catch (ApplicationNameTaken e) {
        errors.rejectValue("name", "faceApi.nameTaken");
      }
    }
    return showApplications(model);
  }

  @GetMapping("/admin/face-api/{id}")
  String showApplication(@PathVariable UUID id, Model model) {
    model.addAttribute("keyForm", CreateKeyForm.empty());
    return renderApplication(id, model);
  }

  @PostMapping("/admin/face-api/{id}/disable")
  String disableApplication(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    applications.disable(id, admin.id());
    redirect.addFlashAttribute("notice", "faceApi.applicationDisabled");
    return "redirect:/admin/face-api/" + id;
  }

  @PostMapping("/admin/face-api/{id}/enable")
  String enableApplication(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    applications.enable(id, admin.id());
    redirect.addFlashAttribute("notice", "faceApi.applicationEnabled");
    return "redirect:/admin/face-api/" + id;
  }

  @PostMapping("/admin/face-api/{id}/keys")
  String createKey(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @Valid @ModelAttribute("keyForm") CreateKeyForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return renderApplication(id, model);
    }
    var issued = applications.createKey(id, form.name(), form.scopes(), admin.id());
    // Shown once, on the page this redirect leads to; only its SHA-256 is stored.
    redirect.addFlashAttribute("newKey", issued.secret());
    redirect.addFlashAttribute("notice", "faceApi.keyCreated");
    return "redirect:/admin/face-api/" + id;
  }

  @PostMapping("/admin/face-api/{id}/keys/{keyId}/revoke")
  String revokeKey(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id, @PathVariable UUID keyId,
      RedirectAttributes redirect) {
    applications.revokeKey(id, keyId, admin.id());
    redirect.addFlashAttribute("notice", "faceApi.keyRevoked");
    return "redirect:/admin/face-api/" + id;
  }

  private String showApplications(Model model) {
    model.addAttribute("applications", applications.applications());
    return LIST_VIEW;
  }

  private String renderApplication(UUID id, Model model) {
    // Not "application": Thymeleaf reserves that name for the servlet context, which would hide the attribute.
    model.addAttribute("faceApp", applications.application(id));
    model.addAttribute("keys", applications.keys(id));
    List<ActionView> actions = applications.actions(id).stream().map(action -> new ActionView(action.action(),
        action.keyId(), accounts.find(new AccountId(action.actor())).map(AccountView::displayName)
            .orElse(action.actor().toString()), action.at())).toList();
    model.addAttribute("actions", actions);
    model.addAttribute("scopes", FaceApiScope.values());
    return APPLICATION_VIEW;
  }
}
