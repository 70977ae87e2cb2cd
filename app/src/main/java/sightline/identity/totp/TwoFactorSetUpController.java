package sightline.identity.totp;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountDirectoryService;
import sightline.system.RateLimits;

/**
 * A person's own second factor: set it up (QR code and text secret, confirmed with a current code), see how many
 * recovery codes are left, replace them, or turn the second factor off. Replacing and turning off need a current
 * code or the password, so a browser left signed in is not enough.
 */
@Controller
class TwoFactorSetUpController {

  static final String VIEW = "identity/totp/account";
  static final String RECOVERY_CODES_VIEW = "identity/totp/recovery-codes";

  private final TwoFactor twoFactor;
  private final AccountDirectoryService directory;
  private final RateLimits rateLimits;

  TwoFactorSetUpController(TwoFactor twoFactor, AccountDirectoryService directory, RateLimits rateLimits) {
    this.twoFactor = twoFactor;
    this.directory = directory;
    this.rateLimits = rateLimits;
  }

  record ConfirmForm(@NotBlank @Size(max = 12) String code) {}

  /** @param confirmation a current code from the authenticator app, or the account's password */
  record ReauthenticationForm(@NotBlank @Size(max = 200) String confirmation) {}

  @GetMapping("/account/two-factor")
  String showTwoFactor(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
    model.addAttribute("form", new ConfirmForm(""));
    return show(user, session, model);
  }

  @PostMapping("/account/two-factor")
  String enable(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") ConfirmForm form,
      BindingResult errors, HttpSession session, Model model) {
    if (errors.hasErrors()) {
      return show(user, session, model);
    }
    rateLimits.consume("sign-in", "two-factor-set-up|" + user.id().value());
    Optional<List<String>> codes = twoFactor.enable(user.id(), form.code());
    if (codes.isEmpty()) {
      model.addAttribute("form", new ConfirmForm(""));
      model.addAttribute("rejected", true);
      return show(user, session, model);
    }
    // Rendered, not redirected: the recovery codes are shown this once.
    model.addAttribute("recoveryCodes", codes.get());
    model.addAttribute("continueTo", "/account/two-factor");
    return RECOVERY_CODES_VIEW;
  }

  @PostMapping("/account/two-factor/recovery-codes")
  String replaceRecoveryCodes(@AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("reauthentication") ReauthenticationForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors() || !confirmed(user, form.confirmation())) {
      redirect.addFlashAttribute("problem", "totp.confirmationWrong");
      return "redirect:/account/two-factor";
    }
    model.addAttribute("recoveryCodes", twoFactor.newRecoveryCodes(user.id()));
    model.addAttribute("continueTo", "/account/two-factor");
    return RECOVERY_CODES_VIEW;
  }

  @PostMapping("/account/two-factor/disable")
  String disable(@AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("reauthentication") ReauthenticationForm form, BindingResult errors,
      RedirectAttributes redirect) {
    if (errors.hasErrors() || !confirmed(user, form.confirmation())) {
      redirect.addFlashAttribute("problem", "totp.confirmationWrong");
      return "redirect:/account/two-factor";
    }
    twoFactor.disable(user.id());
    redirect.addFlashAttribute("notice", "totp.disabled");
    return "redirect:/account/two-factor";
  }

  /** A current code (used up like at sign-in) or the password; limited like sign-in attempts. */
  private boolean confirmed(SignedInUser user, String confirmation) {
    rateLimits.consume("sign-in", "two-factor-confirm|" + user.id().value());
    return twoFactor.verify(user.id(), confirmation).isPresent() || directory.passwordMatches(user.id(), confirmation);
  }

  private String show(SignedInUser user, HttpSession session, Model model) {
    TwoFactor.Status status = twoFactor.status(user.id());
    model.addAttribute("status", status);
    model.addAttribute("required", twoFactor.requirements().stream()
        .anyMatch(requirement -> requirement.required() && user.has(requirement.role())));
    if (!status.enabled()) {
      TwoFactor.SetUp setUp = twoFactor.setUp(user.id(), user.email(), TwoFactor.SetUpTicket.in(session));
      setUp.ticket().keepIn(session);
      model.addAttribute("setUp", setUp);
    }
    model.addAttribute("reauthentication", new ReauthenticationForm(""));
    return VIEW;
  }
}
