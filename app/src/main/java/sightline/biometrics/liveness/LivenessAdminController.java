package sightline.biometrics.liveness;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;
import sightline.identity.VerifiedSignIn;

/**
 * Administrators' liveness page ({@code /admin/liveness}): the policy in force and its versions (the audit), editing
 * it, a site calibration run on this browser's camera by staff, and manual confirmations. {@code /admin/**} is
 * ADMIN-only.
 */
@Controller
class LivenessAdminController {

  static final String VIEW = "biometrics/liveness-admin";
  private static final int HISTORY = 20;

  /** The editable part of the policy; the threshold is the passive (fused) score a session must reach. */
  record PolicyForm(@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double threshold, boolean requirePassive,
      boolean requireMotion, boolean manualFallback, @Size(max = 400) String note) {

    static PolicyForm of(SitePolicy policy) {
      return new PolicyForm(policy.threshold(), policy.requirePassive(), policy.requireMotion(),
          policy.manualFallback(), "");
    }
  }

  /** A person confirmed in person by the signed-in administrator. */
  record ConfirmationForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 400) String note) {}

  private final LivenessPolicies policies;
  private final LivenessCalibrations calibrations;
  private final ManualConfirmations confirmations;
  private final AccountDirectory directory;
  private final VerifiedSignIn accounts;
  private final MessageSource messages;

  LivenessAdminController(LivenessPolicies policies, LivenessCalibrations calibrations,
      ManualConfirmations confirmations, AccountDirectory directory, VerifiedSignIn accounts, MessageSource messages) {
    this.policies = policies;
    this.calibrations = calibrations;
    this.confirmations = confirmations;
    this.directory = directory;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/admin/liveness")
  String showLiveness(@RequestParam(name = "target", defaultValue = "5") int targetPercent, Model model) {
    if (!model.containsAttribute("policyForm")) {
      model.addAttribute("policyForm", PolicyForm.of(policies.current()));
    }
    if (!model.containsAttribute("confirmationForm")) {
      model.addAttribute("confirmationForm", new ConfirmationForm("", ""));
    }
    return page(Math.clamp(targetPercent, 0, 50), model);
  }

  @PostMapping("/admin/liveness/policy")
  String changePolicy(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute PolicyForm policyForm,
      BindingResult errors, Model model, RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      model.addAttribute("confirmationForm", new ConfirmationForm("", ""));
      return page(5, model);
    }
    SitePolicy current = policies.current();
    double threshold = policyForm.threshold();
    var change = new LivenessPolicies.Change(threshold,
        Math.min(threshold, current.policy().passive().thresholdWithMotion()), policyForm.requirePassive(),
        policyForm.requireMotion(), policyForm.manualFallback());
    SitePolicy adopted = policies.adopt(change, SitePolicy.Source.ADMIN,
        policyForm.note() == null ? "" : policyForm.note(), admin.id());
    redirect.addFlashAttribute("notice", "liveness.admin.adopted");
    redirect.addFlashAttribute("noticeVersion", adopted.version());
    return "redirect:/admin/liveness";
  }

  @PostMapping("/admin/liveness/calibrations")
  String startCalibration(@AuthenticationPrincipal SignedInUser admin) {
    calibrations.start(admin.id());
    return "redirect:/admin/liveness#calibration";
  }

  /** Starts a staff session of the calibration; answers the document {@code liveness.js} runs. */
  @PostMapping(path = "/admin/liveness/calibrations/{id}/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @ResponseBody
  LivenessSessionView startCalibrationSession(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser staff,
      HttpServletRequest request, Locale locale) {
    return LivenessSessionView.of(calibrations.startSession(id, staff.id(), request.getRemoteAddr()), messages,
        locale, request);
  }

  @PostMapping("/admin/liveness/calibrations/{id}/accept")
  String acceptCalibration(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser admin,
      @RequestParam(name = "target", defaultValue = "5") int targetPercent, RedirectAttributes redirect) {
    SitePolicy adopted = calibrations.accept(id, Math.clamp(targetPercent, 0, 50) / 100.0, admin.id());
    redirect.addFlashAttribute("notice", "liveness.admin.adopted");
    redirect.addFlashAttribute("noticeVersion", adopted.version());
    return "redirect:/admin/liveness";
  }

  @PostMapping("/admin/liveness/confirmations")
  String confirm(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute ConfirmationForm confirmationForm,
      BindingResult errors, Model model, RedirectAttributes redirect) {
    AccountId subject = errors.hasErrors() ? null : accounts.accountFor(confirmationForm.email()).orElse(null);
    if (!errors.hasErrors() && subject == null) {
      errors.rejectValue("email", "liveness.admin.confirm.unknown");
    }
    if (errors.hasErrors() || subject == null) {
      model.addAttribute("policyForm", PolicyForm.of(policies.current()));
      return page(5, model);
    }
    confirmations.confirm(subject, admin.id(), confirmationForm.note());
    redirect.addFlashAttribute("notice", "liveness.admin.confirmed");
    return "redirect:/admin/liveness#confirmations";
  }

  private String page(int targetPercent, Model model) {
    SitePolicy current = policies.current();
    var history = policies.history(HISTORY);
    var recent = confirmations.recent(HISTORY);
    Map<AccountId, String> names = new HashMap<>();
    history.forEach(p -> name(p.createdBy(), names));
    recent.forEach(c -> {
      name(c.subject(), names);
      name(c.confirmedBy(), names);
    });
    model.addAttribute("policy", current);
    model.addAttribute("history", history);
    model.addAttribute("confirmations", recent);
    model.addAttribute("names", names);
    model.addAttribute("target", targetPercent);
    calibrations.latest().filter(c -> c.acceptedVersion() == null)
        .ifPresent(open -> model.addAttribute("calibration", calibrations.summary(open.id(), targetPercent / 100.0)));
    return VIEW;
  }

  private void name(@Nullable AccountId id, Map<AccountId, String> names) {
    if (id != null) {
      names.computeIfAbsent(id, key -> directory.find(key).map(AccountView::displayName).orElse(key.toString()));
    }
  }
}
