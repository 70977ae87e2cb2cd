package sightline.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import sightline.identity.SignedInUser;
import sightline.identity.totp.TwoFactor;

/**
 * The second sign-in step in the browser: the code from the authenticator app (or a recovery code), or, when the
 * account's role requires a second factor it does not have yet, its set-up (Keycloak's "Configure OTP" required
 * action). Only a browser with a fresh {@link PendingSignIn} in its session gets these pages; the session is
 * started through {@link BrowserSignIn} only after the second step succeeded.
 */
@Controller
class TwoFactorSignInController {

  static final String CODE_VIEW = "identity/totp/sign-in-code";
  static final String SET_UP_VIEW = "identity/totp/sign-in-set-up";
  static final String RECOVERY_CODES_VIEW = "identity/totp/recovery-codes";
  /** No fresh pending sign-in in this session (it expired after 5 minutes, or there never was one). */
  static final String EXPIRED_VIEW = "identity/totp/sign-in-expired";

  /** The page an anonymous browser asked for before it was sent to sign in (Spring Security's default cache). */
  private static final RequestCache REQUESTS = new HttpSessionRequestCache();

  private final SecondFactorSignIn secondFactor;
  private final TwoFactor twoFactor;
  private final BrowserSignIn browserSignIn;
  private final Clock clock;

  TwoFactorSignInController(SecondFactorSignIn secondFactor, TwoFactor twoFactor, BrowserSignIn browserSignIn,
      Clock clock) {
    this.secondFactor = secondFactor;
    this.twoFactor = twoFactor;
    this.browserSignIn = browserSignIn;
    this.clock = clock;
  }

  record CodeForm(@NotBlank @Size(max = 40) String code) {}

  @GetMapping("/sign-in/two-factor")
  String showCodeForm(HttpServletRequest request, Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null) {
      return EXPIRED_VIEW;
    }
    if (pending.need() == TwoFactor.Need.SET_UP) {
      return "redirect:/sign-in/two-factor/set-up";
    }
    model.addAttribute("form", new CodeForm(""));
    return CODE_VIEW;
  }

  @PostMapping("/sign-in/two-factor")
  String checkCode(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null || pending.need() != TwoFactor.Need.CODE) {
      return EXPIRED_VIEW;
    }
    if (errors.hasErrors()) {
      return CODE_VIEW;
    }
    SignedInUser user;
    try {
      user = secondFactor.complete(pending, form.code());
    } catch (AuthenticationException rejected) {
      model.addAttribute("form", new CodeForm(""));
      model.addAttribute("rejected", true);
      return CODE_VIEW;
    }
    PendingSignIn.clear(request);
    browserSignIn.start(user, request, response);
    return afterSignIn(request, response);
  }

  /** Where form login would go: the page that asked the browser to sign in, else the home page. */
  private static String afterSignIn(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = REQUESTS.getRequest(request, response);
    if (saved == null) {
      return "redirect:/";
    }
    REQUESTS.removeRequest(request, response);
    return "redirect:" + saved.getRedirectUrl();
  }

  @GetMapping("/sign-in/two-factor/set-up")
  String showSetUp(HttpServletRequest request, Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null || pending.need() != TwoFactor.Need.SET_UP) {
      return EXPIRED_VIEW;
    }
    model.addAttribute("form", new CodeForm(""));
    return showSetUp(pending, request.getSession(), model);
  }

  @PostMapping("/sign-in/two-factor/set-up")
  String completeSetUp(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null || pending.need() != TwoFactor.Need.SET_UP) {
      return EXPIRED_VIEW;
    }
    if (errors.hasErrors()) {
      return showSetUp(pending, request.getSession(), model);
    }
    SecondFactorSignIn.SetUpCompleted completed;
    try {
      completed = secondFactor.completeSetUp(pending, form.code());
    } catch (AuthenticationException rejected) {
      model.addAttribute("form", new CodeForm(""));
      model.addAttribute("rejected", true);
      return showSetUp(pending, request.getSession(), model);
    }
    PendingSignIn.clear(request);
    browserSignIn.start(completed.user(), request, response);
    // Rendered, not redirected: the codes are shown this once and never stored in readable form.
    model.addAttribute("recoveryCodes", completed.recoveryCodes());
    return RECOVERY_CODES_VIEW;
  }

  private String showSetUp(PendingSignIn pending, HttpSession session, Model model) {
    TwoFactor.SetUp setUp = twoFactor.setUp(pending.account(), pending.email(), TwoFactor.SetUpTicket.in(session));
    setUp.ticket().keepIn(session);
    model.addAttribute("setUp", setUp);
    return SET_UP_VIEW;
  }

  /** The session's pending sign-in while it is fresh; an expired one is removed. */
  private @Nullable PendingSignIn pending(HttpServletRequest request) {
    PendingSignIn pending = PendingSignIn.of(request);
    if (pending != null && pending.isExpiredAt(clock.instant())) {
      PendingSignIn.clear(request);
      return null;
    }
    return pending;
  }
}
