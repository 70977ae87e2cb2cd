package sightline.identity.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.EmailAlreadyUsed;
import sightline.identity.NewAccount;
import sightline.identity.PasswordRejected;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.identity.directory.AccountAdministration;
import sightline.identity.directory.AccountChangedMeanwhile;
import sightline.identity.directory.AccountChanges;
import sightline.identity.directory.SelfLockoutRefused;
import sightline.identity.history.SignInHistory;
import sightline.identity.reset.Invitations;
import sightline.identity.totp.TwoFactor;
import sightline.system.PageView;

/** Administrators list, create and change accounts. */
@Controller
class AccountsController {

  private static final int PAGE_SIZE = 25;
  private static final String ACCOUNTS_VIEW = "identity/accounts";

  private final AccountDirectory directory;
  private final AccountAdministration administration;
  private final SignInHistory history;
  private final TwoFactor twoFactor;
  private final Invitations invitations;

  AccountsController(AccountDirectory directory, AccountAdministration administration, SignInHistory history,
      TwoFactor twoFactor, Invitations invitations) {
    this.invitations = invitations;
    this.directory = directory;
    this.administration = administration;
    this.history = history;
    this.twoFactor = twoFactor;
  }

  @GetMapping("/admin/accounts")
  String listAccounts(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "all") String show,
      @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("form", CreateAccountForm.empty());
    return showAccounts(q, show, page, model);
  }

  @PostMapping("/admin/accounts")
  String createAccount(@AuthenticationPrincipal SignedInUser admin,
      @Valid @ModelAttribute("form") CreateAccountForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        AccountView created = directory.create(new NewAccount(form.email(), form.displayName(), form.roles(),
            form.department(), form.password()), admin.id());
        redirect.addFlashAttribute("notice", "accounts.created");
        redirect.addFlashAttribute("noticeArgument", created.email());
        return "redirect:/admin/accounts";
      } catch (EmailAlreadyUsed e) {
        errors.rejectValue("email", "accounts.emailUsed");
      } catch (PasswordRejected e) {
        errors.rejectValue("password", e.messageKey(), new Object[] {e.minLength()}, null);
      }
    }
    return showAccounts("", "all", 0, model);
  }

  @GetMapping("/admin/accounts/{id}")
  String showAccount(@PathVariable UUID id, Model model) {
    AccountView account = directory.get(new AccountId(id));
    model.addAttribute("form", new EditAccountForm(account.displayName(), account.department(), account.roles()));
    return showAccount(account, model);
  }

  @PostMapping("/admin/accounts/{id}")
  String updateAccount(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @Valid @ModelAttribute("form") EditAccountForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    AccountId account = new AccountId(id);
    if (errors.hasErrors()) {
      return showAccount(directory.get(account), model);
    }
    return act(redirect, account, () -> administration.update(account,
        new AccountChanges(form.displayName(), form.department(), form.roles()), admin.id()), "accounts.updated");
  }

  @PostMapping("/admin/accounts/{id}/disable")
  String disableAccount(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    return act(redirect, new AccountId(id), () -> administration.disable(new AccountId(id), admin.id()),
        "accounts.disabled");
  }

  @PostMapping("/admin/accounts/{id}/enable")
  String enableAccount(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    return act(redirect, new AccountId(id), () -> administration.enable(new AccountId(id), admin.id()),
        "accounts.enabled");
  }

  @PostMapping("/admin/accounts/{id}/approve")
  String approveAccount(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    return act(redirect, new AccountId(id), () -> administration.approve(new AccountId(id), admin.id()),
        "accounts.approved");
  }

  @PostMapping("/admin/accounts/{id}/unlock")
  String unlockAccount(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      RedirectAttributes redirect) {
    return act(redirect, new AccountId(id), () -> administration.unlock(new AccountId(id), admin.id()),
        "accounts.unlocked");
  }

  /** Sends the person a single-use link to choose a password (for accounts made here or imported). */
  @PostMapping("/admin/accounts/{id}/invite")
  String inviteAccount(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
    if (invitations.invite(new AccountId(id), locale).isPresent()) {
      redirect.addFlashAttribute("notice", "accounts.invited");
    } else {
      redirect.addFlashAttribute("problem", "accounts.cannotInvite");
    }
    return "redirect:/admin/accounts/" + id;
  }

  /** Runs one administrator action and goes back to the account page with what happened. */
  private String act(RedirectAttributes redirect, AccountId account, Supplier<AccountView> action, String notice) {
    try {
      action.get();
      redirect.addFlashAttribute("notice", notice);
    } catch (SelfLockoutRefused e) {
      redirect.addFlashAttribute("problem", "accounts.selfLockout");
    } catch (AccountChangedMeanwhile e) {
      redirect.addFlashAttribute("problem", "accounts.changedMeanwhile"); // the page it returns to is the fresh state
    }
    return "redirect:/admin/accounts/" + account;
  }

  private String showAccount(AccountView account, Model model) {
    model.addAttribute("account", account);
    model.addAttribute("state", administration.state(account.id()));
    model.addAttribute("roles", Role.values());
    model.addAttribute("signIns", history.of(account.id(), 0, 10).getContent());
    model.addAttribute("actions", administration.adminActions(account.id()));
    model.addAttribute("twoFactor", twoFactor.status(account.id()));
    return "identity/account";
  }

  /** The list: {@code show} is {@code all} (searched by {@code query}), {@code awaiting} or {@code locked}. */
  private String showAccounts(String query, String show, int page, Model model) {
    AccountAdministration.Show which = switch (show) {
      case "awaiting" -> AccountAdministration.Show.AWAITING_APPROVAL;
      case "locked" -> AccountAdministration.Show.LOCKED;
      default -> AccountAdministration.Show.ALL;
    };
    model.addAttribute("q", query);
    model.addAttribute("show", which == AccountAdministration.Show.ALL ? "all" : show);
    model.addAttribute("accounts", PageView.of(administration.list(which, query, Math.max(page, 0), PAGE_SIZE)));
    model.addAttribute("roles", Role.values());
    return ACCOUNTS_VIEW;
  }

  record EditAccountForm(@NotBlank @Size(max = 120) String displayName,
      @Nullable @Size(max = 120) String department, @NotEmpty Set<Role> roles) {}

  record CreateAccountForm(@NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 120) String displayName, @NotEmpty Set<Role> roles,
      @Nullable @Size(max = 120) String department, @NotBlank @Size(max = 200) String password) {

    static CreateAccountForm empty() {
      return new CreateAccountForm("", "", Set.of(Role.STUDENT), "", "");
    }
  }
}
