package sightline.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages that belong to no module: the home page and the camera check. */
@Controller
class PageController {

  @GetMapping("/")
  String showHome() {
    return "home";
  }

  /** Lets anyone see that their camera works before enrolment, check-in or a live class. */
  @GetMapping("/camera")
  String showCameraCheck() {
    return "system/camera";
  }
}
