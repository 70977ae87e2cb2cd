package sightline.system;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages that belong to no module: the home page and the camera check. The home page is the landing page for
 * people who are not signed in, and each person's own home once they are: the cards the modules contribute for
 * their roles ({@link Navigation}).
 */
@Controller
class PageController {

  private final Navigation navigation;

  PageController(Navigation navigation) {
    this.navigation = navigation;
  }

  @GetMapping("/")
  String showHome(Model model) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    model.addAttribute("signedIn", Audience.isSignedIn(who));
    model.addAttribute("sections", navigation.homeFor(who));
    return "home";
  }

  /** Lets anyone see that their camera works before enrolment, check-in or a live class. */
  @GetMapping("/camera")
  String showCameraCheck() {
    return "system/camera";
  }
}
