package sightline.identity.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.EmailAlreadyUsed;
import sightline.identity.PasswordRejected;
import sightline.identity.directory.AccountDirectoryService;
import sightline.system.RateLimits;

/**
 * Self-registration, off unless {@code sightline.identity.self-registration} is {@code open} (new students sign in
 * at once) or {@code approval} (an administrator approves each one first). Limited to 20 per hour per address.
 */
@Controller
class SignUpController {

  /** The setting's values. */
  enum Mode { OFF, OPEN, APPROVAL }

  private static final String VIEW = "identity/sign-up";

  private final AccountDirectoryService directory;
  private final RateLimits rateLimits;
  private final Mode mode;

  SignUpController(AccountDirectoryService directory, RateLimits rateLimits,
      @Value("${sightline.identity.self-registration:off}") String mode) {
    this.directory = directory;
    this.rateLimits = rateLimits;
    this.mode = Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
  }

  @GetMapping("/sign-up")
  String showSignUp(Model model) {
    requireOpen();
    model.addAttribute("form", new SignUpForm("", "", ""));
    return VIEW;
  }

  @PostMapping("/sign-up")
  String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
      RedirectAttributes redirect) {
    requireOpen();
    if (errors.hasErrors()) {
      return VIEW;
    }
    rateLimits.consume("registration", request.getRemoteAddr());
    try {
      directory.register(form.email(), form.displayName(), form.password(), mode == Mode.APPROVAL);
    } catch (EmailAlreadyUsed e) {
      errors.rejectValue("email", "accounts.emailUsed");
      return VIEW;
    } catch (PasswordRejected e) {
      errors.rejectValue("password", e.messageKey(), new Object[] {e.minLength()}, null);
      return VIEW;
    }
    redirect.addFlashAttribute("notice", mode == Mode.APPROVAL ? "signUp.awaiting" : "signUp.done");
    return "redirect:/sign-in";
  }

  private void requireOpen() {
    if (mode == Mode.OFF) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  record SignUpForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 120) String displayName,
      @NotBlank @Size(max = 200) String password) {}
}
