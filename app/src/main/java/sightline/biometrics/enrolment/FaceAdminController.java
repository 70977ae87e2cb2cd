package sightline.biometrics.enrolment;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceMatching;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.ImageRejected;

/**
 * An administrator's face page for one person: enrol from uploaded photos (with the person's consent confirmed by
 * the administrator), status, deletion, and checks of an uploaded photo: 1:1 against the person and 1:N among
 * everyone.
 */
@Controller
class FaceAdminController {

  private static final String VIEW = "biometrics/face-admin";

  private final FaceEnrolment enrolment;
  private final FaceMatching matching;
  private final ImageInput images;
  private final AccountDirectory directory;

  FaceAdminController(FaceEnrolment enrolment, FaceMatching matching, ImageInput images, AccountDirectory directory) {
    this.enrolment = enrolment;
    this.matching = matching;
    this.images = images;
    this.directory = directory;
  }

  @GetMapping("/admin/accounts/{id}/face")
  String showFace(@PathVariable UUID id, Model model) {
    return show(directory.get(new AccountId(id)), model);
  }

  @PostMapping("/admin/accounts/{id}/face/photos")
  String enrolPhotos(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
      @RequestParam(name = "consent", defaultValue = "false") boolean consent, RedirectAttributes redirect)
      throws IOException {
    AccountView person = directory.get(new AccountId(id));
    String back = "redirect:/admin/accounts/" + id + "/face";
    if (!consent) {
      redirect.addFlashAttribute("problem", "face.admin.consentMissing");
      return back;
    }
    List<byte[]> pictures = images.read(photos, ImageUse.PHOTO);
    if (pictures.isEmpty() || pictures.size() > FaceEnrolment.MAX_PHOTOS) {
      redirect.addFlashAttribute("problem", "face.admin.photoCount");
      return back;
    }
    try {
      var answer = enrolment.enrolPhotos(person.id(), pictures, FaceEnrolment.CONSENT_VERSION, admin.id());
      redirect.addFlashAttribute("photoHints", answer.hints());
      redirect.addFlashAttribute(answer.stored() > 0 ? "notice" : "problem",
          answer.stored() > 0 ? "face.admin.enrolled" : "face.admin.noneAccepted");
    } catch (ImageRejected e) {
      redirect.addFlashAttribute("problem", "problem.image." + e.reason());
    }
    return back;
  }

  @PostMapping("/admin/accounts/{id}/face/delete")
  String delete(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @RequestParam(name = "confirm", defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
    AccountView person = directory.get(new AccountId(id));
    if (!confirm) {
      redirect.addFlashAttribute("problem", "face.delete.unconfirmed");
    } else {
      enrolment.delete(person.id(), admin.id());
      redirect.addFlashAttribute("notice", "face.delete.done");
    }
    return "redirect:/admin/accounts/" + id + "/face";
  }

  @PostMapping("/admin/accounts/{id}/face/verify")
  String verify(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, Model model) throws IOException {
    AccountView person = directory.get(new AccountId(id));
    check(model, photo, picture -> matching.verify(person.id(), images.decode(picture, ImageUse.PHOTO),
        FaceDecision.Purpose.PHOTO_CHECK, admin.id()));
    return show(person, model);
  }

  @PostMapping("/admin/accounts/{id}/face/identify")
  String identify(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, Model model) throws IOException {
    AccountView person = directory.get(new AccountId(id));
    check(model, photo, picture -> matching.identify(images.decode(picture, ImageUse.PHOTO), null,
        FaceDecision.Purpose.PHOTO_CHECK, admin.id()));
    return show(person, model);
  }

  private void check(Model model, @Nullable MultipartFile photo,
      java.util.function.Function<byte[], FaceDecision> decide) throws IOException {
    if (photo == null || photo.isEmpty()) {
      model.addAttribute("problem", "face.admin.noPhoto");
      return;
    }
    try {
      FaceDecision decision = decide.apply(images.read(photo, ImageUse.PHOTO));
      model.addAttribute("decision", decision);
      if (decision.matched() != null) {
        directory.find(decision.matched()).ifPresent(matched -> model.addAttribute("matchedPerson", matched));
      }
    } catch (ImageRejected e) {
      model.addAttribute("problem", "problem.image." + e.reason());
    }
  }

  private String show(AccountView person, Model model) {
    model.addAttribute("person", person);
    model.addAttribute("status", enrolment.status(person.id()));
    model.addAttribute("maxPhotos", FaceEnrolment.MAX_PHOTOS);
    model.addAttribute("consentVersion", FaceEnrolment.CONSENT_VERSION);
    return VIEW;
  }
}
