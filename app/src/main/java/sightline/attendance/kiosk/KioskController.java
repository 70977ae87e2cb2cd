package sightline.attendance.kiosk;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import sightline.courses.ClassSessionId;
import sightline.identity.SignedInUser;

/** The kiosk page a teacher opens on a tablet at the classroom door; {@code kiosk.js} runs the turns. */
@Controller
class KioskController {

  private final ClassroomKiosk kiosk;

  KioskController(ClassroomKiosk kiosk) {
    this.kiosk = kiosk;
  }

  @GetMapping("/attendance/sessions/{sessionId}/kiosk")
  String showKiosk(@PathVariable UUID sessionId, @AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("kiosk", kiosk.open(new ClassSessionId(sessionId), user));
    return "attendance/kiosk";
  }
}
