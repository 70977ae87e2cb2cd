package sightline.identity.account;

import jakarta.servlet.http.HttpSession;
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
import sightline.identity.PasswordRejected;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountDirectoryService;

/** A signed-in person changes their own password; their other browser sessions end. */
@Controller
class PasswordController {

  private static final String VIEW = "identity/password";

  private final AccountDirectoryService directory;

  PasswordController(AccountDirectoryService directory) {
    this.directory = directory;
  }

  @GetMapping("/account/password")
  String showChangePassword(Model model) {
    model.addAttribute("form", new ChangePasswordForm("", ""));
    return VIEW;
  }

  @PostMapping("/account/password")
  String changePassword(@AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult errors, HttpSession session,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return VIEW;
    }
    try {
      if (!directory.changePassword(user.id(), form.currentPassword(), form.newPassword(), session.getId())) {
        errors.rejectValue("currentPassword", "password.currentWrong");
        return VIEW;
      }
    } catch (PasswordRejected e) {
      errors.rejectValue("newPassword", e.messageKey(), new Object[] {e.minLength()}, null);
      return VIEW;
    }
    redirect.addFlashAttribute("notice", "password.changed");
    return "redirect:/account/password";
  }

  record ChangePasswordForm(@NotBlank @Size(max = 200) String currentPassword,
      @NotBlank @Size(max = 200) String newPassword) {}
}
