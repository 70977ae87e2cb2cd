package sightline.biometrics.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.biometrics.BiometricSettings;
import sightline.biometrics.FaceMatching;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;

/** Administrators: the two biometric switches and the recent decision audit (with any frame kept behind one). */
@Controller
class BiometricsAdminController {

  private static final int RECENT = 50;

  private final BiometricSettings settings;
  private final DecisionLog decisions;
  private final FaceMatching matching;
  private final AccountDirectory directory;

  BiometricsAdminController(BiometricSettings settings, DecisionLog decisions, FaceMatching matching,
      AccountDirectory directory) {
    this.settings = settings;
    this.decisions = decisions;
    this.matching = matching;
    this.directory = directory;
  }

  @GetMapping("/admin/biometrics")
  String showBiometrics(Model model) {
    var recent = decisions.recent(RECENT);
    Map<AccountId, String> names = new HashMap<>();
    for (var audited : recent) {
      for (AccountId id : new AccountId[] {audited.decision().claimed(), audited.decision().matched(),
          audited.requestedBy()}) {
        if (id != null) {
          names.computeIfAbsent(id, key -> directory.find(key).map(AccountView::displayName).orElse(key.toString()));
        }
      }
    }
    model.addAttribute("settings", settings.current());
    model.addAttribute("decisions", recent);
    model.addAttribute("names", names);
    model.addAttribute("threshold", matching.matchThreshold());
    model.addAttribute("livenessThreshold", matching.livenessThreshold());
    return "biometrics/settings";
  }

  @PostMapping("/admin/biometrics/settings")
  String changeSettings(@AuthenticationPrincipal SignedInUser admin,
      @RequestParam(name = "storeAuditFrames", defaultValue = "false") boolean storeAuditFrames,
      @RequestParam(name = "faceOnlySignIn", defaultValue = "false") boolean faceOnlySignIn,
      @RequestParam(name = "adminFaceSecondFactor", defaultValue = "false") boolean adminFaceSecondFactor,
      RedirectAttributes redirect) {
    settings.change(storeAuditFrames, faceOnlySignIn, adminFaceSecondFactor, admin.id());
    redirect.addFlashAttribute("notice", "face.settings.saved");
    return "redirect:/admin/biometrics";
  }

  @GetMapping("/admin/biometrics/decisions/{id}/frame")
  ResponseEntity<byte[]> showFrame(@PathVariable UUID id) {
    return matching.auditFrame(id)
        .map(jpeg -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
            .body(jpeg))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
