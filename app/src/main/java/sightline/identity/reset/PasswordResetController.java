package sightline.identity.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.PasswordRejected;
import sightline.identity.delivery.NotAnEmailOrPhoneNumber;

/** "Forgot password?": ask for a link by e-mail, then choose a new password on the page the link opens. */
@Controller
class PasswordResetController {

  private static final String REQUEST_VIEW = "identity/password-reset-request";
  private static final String NEW_PASSWORD_VIEW = "identity/password-reset";

  private final PasswordReset passwordReset;

  PasswordResetController(PasswordReset passwordReset) {
    this.passwordReset = passwordReset;
  }

  @GetMapping("/password-reset")
  String showResetRequest(Model model) {
    model.addAttribute("form", new RequestResetForm(""));
    return REQUEST_VIEW;
  }

  @PostMapping("/password-reset")
  String requestReset(@Valid @ModelAttribute("form") RequestResetForm form, BindingResult errors,
      RedirectAttributes redirect, HttpServletRequest request) {
    if (errors.hasErrors()) {
      return REQUEST_VIEW;
    }
    try {
      passwordReset.requestLink(form.email(), request.getRemoteAddr());
    } catch (NotAnEmailOrPhoneNumber e) {
      errors.rejectValue("email", "reset.emailInvalid");
      return REQUEST_VIEW;
    }
    redirect.addFlashAttribute("notice", "reset.sent");
    return "redirect:/password-reset";
  }

  @GetMapping("/password-reset/new")
  String showNewPassword(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("linkValid", !token.isBlank() && passwordReset.accepts(token));
    model.addAttribute("form", new ResetPasswordForm(token, ""));
    return NEW_PASSWORD_VIEW;
  }

  @PostMapping("/password-reset/new")
  String resetPassword(@Valid @ModelAttribute("form") ResetPasswordForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    model.addAttribute("linkValid", true);
    if (errors.hasErrors()) {
      return NEW_PASSWORD_VIEW;
    }
    try {
      passwordReset.resetPassword(form.token(), form.password());
    } catch (PasswordRejected e) {
      errors.rejectValue("password", e.messageKey(), new Object[] {e.minLength()}, null);
      return NEW_PASSWORD_VIEW;
    } catch (ResetLinkInvalid e) {
      model.addAttribute("linkValid", false);
      return NEW_PASSWORD_VIEW;
    }
    redirect.addFlashAttribute("notice", "reset.done");
    return "redirect:/sign-in";
  }

  record RequestResetForm(@NotBlank @Size(max = 254) String email) {}

  record ResetPasswordForm(@NotBlank @Size(max = 100) String token,
      @NotBlank @Size(max = 200) String password) {}
}
