package sightline.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.system.PageView;

/** Administrators list and create accounts; everyone sees their own sign-in history. */
@Controller
class AccountsController {

  private static final int PAGE_SIZE = 25;
  private static final String ACCOUNTS_VIEW = "identity/accounts";

  private final AccountDirectory directory;

  AccountsController(AccountDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/admin/accounts")
  String listAccounts(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("form", CreateAccountForm.empty());
    return showAccounts(q, page, model);
  }

  @PostMapping("/admin/accounts")
  String createAccount(@Valid @ModelAttribute("form") CreateAccountForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        AccountView created = directory.create(new NewAccount(form.email(), form.displayName(), form.roles(),
            form.department(), form.password()));
        redirect.addFlashAttribute("notice", "accounts.created");
        redirect.addFlashAttribute("noticeArgument", created.email());
        return "redirect:/admin/accounts";
      } catch (EmailAlreadyUsed e) {
        errors.rejectValue("email", "accounts.emailUsed");
      } catch (PasswordRejected e) {
        errors.rejectValue("password", "password.tooShort", new Object[] {e.minLength()}, null);
      }
    }
    return showAccounts("", 0, model);
  }

  @GetMapping("/account/sign-ins")
  String showMySignIns(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("signIns", PageView.of(directory.signInHistory(user.id(), Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("everyone", false);
    return "identity/sign-ins";
  }

  @GetMapping("/admin/sign-ins")
  String showAllSignIns(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("signIns", PageView.of(directory.allSignIns(Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("everyone", true);
    return "identity/sign-ins";
  }

  private String showAccounts(String query, int page, Model model) {
    model.addAttribute("q", query);
    model.addAttribute("accounts", PageView.of(directory.search(query, Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("roles", Role.values());
    return ACCOUNTS_VIEW;
  }

  record CreateAccountForm(@NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 120) String displayName, @NotEmpty Set<Role> roles,
      @Nullable @Size(max = 120) String department, @NotBlank @Size(max = 200) String password) {

    static CreateAccountForm empty() {
      return new CreateAccountForm("", "", Set.of(Role.STUDENT), "", "");
    }
  }
}
