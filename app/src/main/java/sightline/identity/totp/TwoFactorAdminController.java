package sightline.identity.totp;

import java.util.EnumSet;
import java.util.Set;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.Role;
import sightline.identity.SignedInUser;

/** Administrators require a second factor for roles, and reset a person's second factor (a lost phone). */
@Controller
class TwoFactorAdminController {

  private final TwoFactor twoFactor;
  private final AccountDirectory directory;

  TwoFactorAdminController(TwoFactor twoFactor, AccountDirectory directory) {
    this.twoFactor = twoFactor;
    this.directory = directory;
  }

  @GetMapping("/admin/two-factor")
  String showRequirement(Model model) {
    model.addAttribute("requirements", twoFactor.requirements());
    return "identity/totp/admin";
  }

  @PostMapping("/admin/two-factor")
  String changeRequirement(@AuthenticationPrincipal SignedInUser admin,
      @RequestParam(name = "roles", required = false) @Nullable Set<Role> roles, RedirectAttributes redirect) {
    Set<Role> required = EnumSet.noneOf(Role.class);
    if (roles != null) {
      required.addAll(roles);
    }
    required.retainAll(TwoFactor.REQUIRABLE);
    twoFactor.require(required, admin.id());
    redirect.addFlashAttribute("notice", "totp.requirementSaved");
    return "redirect:/admin/two-factor";
  }

  @PostMapping("/admin/accounts/{id}/two-factor/reset")
  String reset(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
    AccountId account = new AccountId(id);
    if (directory.find(account).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    twoFactor.reset(account, admin.id());
    redirect.addFlashAttribute("notice", "totp.resetDone");
    return "redirect:/admin/accounts/" + id;
  }
}
