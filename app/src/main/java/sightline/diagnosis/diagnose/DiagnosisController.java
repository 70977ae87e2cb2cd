package sightline.diagnosis.diagnose;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.diagnosis.DiagnosisId;
import sightline.diagnosis.DiagnosisView;
import sightline.diagnosis.Diagnoses;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.system.PageView;

/**
 * The farmer's pages: take or choose a photo, the result with its advice or a request to retake, the history, and
 * feedback. Pages work without JavaScript; {@code js/diagnosis.js} adds the offline queue on top.
 */
@Controller
class DiagnosisController {

  static final String MANIFEST = "/diagnosis/manifest.webmanifest";
  private static final int PAGE_SIZE = 10;

  private final Diagnoses diagnoses;
  private final ImageInput images;
  private final PlantClasses classes;
  private final Disclaimer disclaimer;

  DiagnosisController(Diagnoses diagnoses, ImageInput images, PlantClasses classes, Disclaimer disclaimer) {
    this.diagnoses = diagnoses;
    this.images = images;
    this.classes = classes;
    this.disclaimer = disclaimer;
  }

  @GetMapping("/diagnosis")
  String showDiagnose(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
    model.addAttribute("disclaimerSeen", disclaimer.seenBy(user.id()));
    model.addAttribute("account", user.id().value()); // offline photos are queued under it, see diagnosis.js
    model.addAttribute("tips", classes.tips(locale));
    model.addAttribute("maxMegabytes", images.limits(ImageUse.PLANT_PHOTO).maxBytes() / (1024 * 1024));
    model.addAttribute("webAppManifest", MANIFEST);
    return "diagnosis/diagnose";
  }

  @PostMapping("/diagnosis")
  String diagnose(@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
      @AuthenticationPrincipal SignedInUser user) throws IOException {
    if (photo == null || photo.isEmpty()) {
      throw new PhotoMissing();
    }
    DiagnosisView result = diagnoses.diagnose(user.id(), images.read(photo, ImageUse.PLANT_PHOTO));
    return "redirect:/diagnosis/results/" + result.id();
  }

  @GetMapping("/diagnosis/disclaimer")
  String showDisclaimer(Model model) {
    model.addAttribute("webAppManifest", MANIFEST);
    return "diagnosis/disclaimer";
  }

  @PostMapping("/diagnosis/disclaimer")
  String confirmDisclaimer(@AuthenticationPrincipal SignedInUser user) {
    disclaimer.confirm(user.id());
    return "redirect:/diagnosis";
  }

  @GetMapping("/diagnosis/results/{id}")
  String showResult(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
    DiagnosisView diagnosis = diagnoses.get(user.id(), new DiagnosisId(id));
    model.addAttribute("diagnosis", diagnosis);
    model.addAttribute("names", diagnosis.top().stream().map(p -> classes.name(p.label(), locale)).toList());
    model.addAttribute("advice", diagnosis.diagnosed() ? classes.advice(diagnosis.best().label(), locale) : null);
    model.addAttribute("retake", diagnosis.rejectReason() == null ? null
        : classes.retake(diagnosis.rejectReason(), locale));
    model.addAttribute("choices", classes.choices(diagnoses.classesFor(diagnosis), locale));
    model.addAttribute("feedbackName", diagnosis.feedback() == null ? null
        : classes.name(diagnosis.feedback().label(), locale));
    model.addAttribute("webAppManifest", MANIFEST);
    return "diagnosis/result";
  }

  @GetMapping("/diagnosis/results/{id}/picture")
  ResponseEntity<byte[]> picture(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
    return jpeg(diagnoses.picture(user.id(), new DiagnosisId(id), false));
  }

  @GetMapping("/diagnosis/results/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
    return jpeg(diagnoses.picture(user.id(), new DiagnosisId(id), true));
  }

  @PostMapping("/diagnosis/results/{id}/feedback")
  String recordFeedback(@PathVariable UUID id, @RequestParam(required = false) @Nullable String label,
      @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    diagnoses.recordFeedback(user.id(), new DiagnosisId(id), label);
    redirect.addFlashAttribute("feedbackSaved", true);
    return "redirect:/diagnosis/results/" + id;
  }

  @PostMapping("/diagnosis/results/{id}/delete")
  String deleteResult(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes redirect) {
    diagnoses.delete(user.id(), new DiagnosisId(id));
    redirect.addFlashAttribute("deleted", 1);
    return "redirect:/diagnosis/history";
  }

  @GetMapping("/diagnosis/history")
  String showHistory(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user,
      Locale locale, Model model) {
    PageView<DiagnosisView> history = PageView.of(diagnoses.history(user.id(), Math.max(0, page), PAGE_SIZE));
    model.addAttribute("page", history);
    model.addAttribute("names", history.items().stream()
        .collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> classes.name(d.best().label(), locale))));
    model.addAttribute("webAppManifest", MANIFEST);
    return "diagnosis/history";
  }

  @PostMapping("/diagnosis/history/delete-all")
  String deleteAll(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    redirect.addFlashAttribute("deleted", diagnoses.deleteAll(user.id()));
    return "redirect:/diagnosis/history";
  }

  /**
   * The service worker, served from here rather than {@code /js} so that it may control the diagnosis pages: a
   * worker's scope is at most its own folder unless the header below widens it.
   */
  @GetMapping(value = "/diagnosis/sw.js", produces = "text/javascript")
  ResponseEntity<Resource> serviceWorker() {
    return ResponseEntity.ok().header("Service-Worker-Allowed", "/diagnosis")
        .cacheControl(CacheControl.noCache()).body(new ClassPathResource("static/js/diagnosis-sw.js"));
  }

  /** Not cached: after a deletion or a sign-out the picture must be gone from a shared phone too. */
  private static ResponseEntity<byte[]> jpeg(byte[] bytes) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore()).body(bytes);
  }
}
