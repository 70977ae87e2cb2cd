package sightline.biometrics.liveness;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The liveness self-test page: a signed-in person runs a session on themselves and sees the result. */
@Controller
class LivenessPageController {

  @GetMapping("/liveness")
  String showSelfTest() {
    return "biometrics/liveness";
  }
}
