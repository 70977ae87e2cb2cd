package sightline.identity.account;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.ImageRejected;

/** A person's own profile and photo; photos are shown only to signed-in people. */
@Controller
class ProfileController {

  private final AccountDirectory directory;
  private final ProfilePhotos photos;
  private final ImageInput images;

  ProfileController(AccountDirectory directory, ProfilePhotos photos, ImageInput images) {
    this.directory = directory;
    this.photos = photos;
    this.images = images;
  }

  @GetMapping("/account/profile")
  String showProfile(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("account", directory.get(user.id()));
    model.addAttribute("hasPhoto", photos.find(user.id()).isPresent());
    return "identity/profile";
  }

  @PostMapping("/account/profile/photo")
  String uploadPhoto(@AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, RedirectAttributes redirect)
      throws IOException {
    if (photo == null || photo.isEmpty()) {
      redirect.addFlashAttribute("problem", "profile.noPhoto");
      return "redirect:/account/profile";
    }
    try {
      photos.store(user.id(), images.read(photo, ImageUse.PHOTO));
      redirect.addFlashAttribute("notice", "profile.photoSaved");
    } catch (ImageRejected e) {
      redirect.addFlashAttribute("problem", "problem.image." + e.reason());
    }
    return "redirect:/account/profile";
  }

  @PostMapping("/account/profile/photo/delete")
  String deletePhoto(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    photos.delete(user.id());
    redirect.addFlashAttribute("notice", "profile.photoDeleted");
    return "redirect:/account/profile";
  }

  @GetMapping("/accounts/{id}/photo")
  ResponseEntity<byte[]> showPhoto(@PathVariable UUID id) {
    return photos.find(new AccountId(id))
        .map(jpeg -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()).body(jpeg))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
