package sightline.biometrics.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotFound;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.liveness.LivenessSessionView;
import sightline.identity.SignedInUser;
import sightline.identity.VerifiedSignIn;

/**
 * The face sign-in page and the two calls it makes, which are also the API: start a liveness session for an
 * e-mail address (or for face only), stream its frames to the liveness API, then complete. The attempt lives in the
 * caller's HTTP session, so the session that signs in is the one that ran the liveness check; the completion is
 * JSON only, hence exempt from CSRF like the other {@code /api/v1/auth/**} calls.
 */
@Controller
@Tag(name = "Sign-in")
class FaceSignInController {

  private static final String ATTEMPT = FaceSignInController.class.getName() + ".attempt";

  record StartFaceSignInForm(@Nullable @Size(max = 254) String email) {}

  record CompleteFaceSignInForm(@NotNull UUID session) {}

  /** Where the browser goes next, and whether it is signed in now (false: the second-factor step comes first). */
  record FaceSignInView(boolean signedIn, String next) {}

  private final FaceSignIn faceSignIn;
  private final MessageSource messages;

  FaceSignInController(FaceSignIn faceSignIn, MessageSource messages) {
    this.faceSignIn = faceSignIn;
    this.messages = messages;
  }

  @GetMapping("/sign-in/face")
  String showFaceSignIn(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
    model.addAttribute("faceOnly", faceSignIn.faceOnlyAllowed());
    return user != null ? "redirect:/" : "biometrics/sign-in-face";
  }

  @PostMapping(path = "/api/v1/auth/face/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start a face sign-in: a liveness session for the account the e-mail names (or, without an "
      + "e-mail and when an administrator allows it, for face only). Send its frames to "
      + "/api/v1/liveness/sessions/{id}/frames with the X-Liveness-Nonce header, then call /api/v1/auth/face/sign-in "
      + "with the same cookie session.")
  @ApiResponse(responseCode = "201", description = "The liveness session: id, nonce, challenges, expiry")
  @ApiResponse(responseCode = "400", description = "/problems/face-only-sign-in-disabled: an e-mail is needed")
  @ApiResponse(responseCode = "429", description = "Too many attempts; Retry-After says when to try again")
  LivenessSessionView startFaceSignIn(@Valid @RequestBody StartFaceSignInForm form, HttpServletRequest request,
      Locale locale) {
    FaceSignIn.Started started = faceSignIn.start(form.email(), request.getRemoteAddr());
    request.getSession(true).setAttribute(ATTEMPT, started.attempt());
    return LivenessSessionView.of(started.challenge(), messages, locale, request);
  }

  @PostMapping(path = "/api/v1/auth/face/sign-in", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "Complete a face sign-in after its liveness session ended; starts the same browser session "
      + "as a password sign-in (or the second-factor step, when the account has one)")
  @ApiResponse(responseCode = "200", description = "Signed in (signedIn=true), or the TOTP step comes next")
  @ApiResponse(responseCode = "401", description = "/problems/face-sign-in-refused, whatever the reason")
  @ApiResponse(responseCode = "404", description = "No face sign-in with this session in this cookie session")
  @ApiResponse(responseCode = "409", description = "The liveness session still runs, or was used already")
  FaceSignInView completeFaceSignIn(@Valid @RequestBody CompleteFaceSignInForm form, HttpServletRequest request,
      HttpServletResponse response) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(ATTEMPT) instanceof FaceSignIn.Attempt attempt)
        || !attempt.session().equals(form.session())) {
      throw new LivenessSessionNotFound(new LivenessSessionId(form.session()));
    }
    VerifiedSignIn.Started started;
    try {
      started = faceSignIn.complete(attempt, request, response);
    } catch (LivenessSessionNotPassed notEnded) {
      throw notEnded;   // nothing was decided (the session still runs): the attempt stays for a later call
    } catch (RuntimeException decided) {
      http.removeAttribute(ATTEMPT);
      throw decided;
    }
    http.removeAttribute(ATTEMPT);   // the same session object, whose id the sign-in changed
    return new FaceSignInView(started.signedIn(), started.next());
  }
}
