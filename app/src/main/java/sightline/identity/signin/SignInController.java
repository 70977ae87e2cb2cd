package sightline.identity.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.NewAccount;
import sightline.identity.PasswordRejected;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.identity.directory.FirstAdministrator;

/** The sign-in page (Spring Security processes the POST) and the one-time first-administrator setup. */
@Controller
class SignInController {

  private final FirstAdministrator firstAdministrator;
  private final String selfRegistration;

  SignInController(FirstAdministrator firstAdministrator,
      @org.springframework.beans.factory.annotation.Value("${sightline.identity.self-registration:off}")
      String selfRegistration) {
    this.firstAdministrator = firstAdministrator;
    this.selfRegistration = selfRegistration;
  }

  @GetMapping("/sign-in")
  String showSignIn(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
    model.addAttribute("selfRegistration", !"off".equalsIgnoreCase(selfRegistration.strip()));
    return user != null ? "redirect:/" : "identity/sign-in";
  }

  @GetMapping("/setup")
  String showSetup(@RequestParam(required = false) @Nullable String token, Model model) {
    requireValid(token);
    model.addAttribute("form", new SetUpAdministratorForm(token, "", "", ""));
    return "identity/setup";
  }

  @PostMapping("/setup")
  String setUp(@Valid @ModelAttribute("form") SetUpAdministratorForm form, BindingResult errors,
      RedirectAttributes redirect) {
    requireValid(form.token());
    if (errors.hasErrors()) {
      return "identity/setup";
    }
    try {
      firstAdministrator.createWithToken(form.token(), new NewAccount(form.email(), form.displayName(),
          EnumSet.of(Role.ADMIN), null, form.password()));
    } catch (PasswordRejected e) {
      errors.rejectValue("password", e.messageKey(), new Object[] {e.minLength()}, null);
      return "identity/setup";
    }
    redirect.addFlashAttribute("notice", "setup.done");
    return "redirect:/sign-in";
  }

  private void requireValid(@Nullable String token) {
    if (!firstAdministrator.acceptsSetupToken(token)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  record SetUpAdministratorForm(String token, @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 120) String displayName, @NotBlank @Size(max = 200) String password) {}
}
