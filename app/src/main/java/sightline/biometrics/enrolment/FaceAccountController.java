package sightline.biometrics.enrolment;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.biometrics.ConsentOutdated;
import sightline.biometrics.EnrolmentHint;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceMatching;
import sightline.identity.SignedInUser;

/**
 * A person's own face page: consent, then the guided camera enrolment (frames go to the API from
 * {@code face-enrolment.js}), status, "check my face" and deletion.
 */
@Controller
class FaceAccountController {

  private static final String REDIRECT = "redirect:/account/face";

  private final FaceEnrolment enrolment;
  private final FaceMatching matching;

  FaceAccountController(FaceEnrolment enrolment, FaceMatching matching) {
    this.enrolment = enrolment;
    this.matching = matching;
  }

  @GetMapping("/account/face")
  String showFace(@AuthenticationPrincipal SignedInUser user, Model model) {
    var status = enrolment.status(user.id());
    model.addAttribute("status", status);
    model.addAttribute("consentCurrent", FaceEnrolment.CONSENT_VERSION.equals(status.consentVersion()));
    model.addAttribute("consentVersion", FaceEnrolment.CONSENT_VERSION);
    model.addAttribute("hints", EnrolmentHint.values());
    model.addAttribute("outcomes", sightline.biometrics.FaceDecision.Outcome.values());
    return "biometrics/face";
  }

  @PostMapping("/account/face/consent")
  String consent(@AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "agree", defaultValue = "false") boolean agree,
      @RequestParam(name = "consentVersion", defaultValue = "") String consentVersion, RedirectAttributes redirect) {
    if (!agree) {
      redirect.addFlashAttribute("problem", "face.consent.missing");
      return REDIRECT;
    }
    try {
      enrolment.recordConsent(user.id(), consentVersion, user.id());
      redirect.addFlashAttribute("notice", "face.consent.recorded");
    } catch (ConsentOutdated e) {
      redirect.addFlashAttribute("problem", "face.consent.outdated");
    }
    return REDIRECT;
  }

  @PostMapping("/account/face/delete")
  String delete(@AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "confirm", defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
    if (!confirm) {
      redirect.addFlashAttribute("problem", "face.delete.unconfirmed");
      return REDIRECT;
    }
    enrolment.delete(user.id());
    redirect.addFlashAttribute("notice", "face.delete.done");
    return REDIRECT;
  }
}
