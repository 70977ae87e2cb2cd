package sightline.identity.code;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.identity.delivery.NotAnEmailOrPhoneNumber;
import sightline.identity.signin.BrowserSignIn;

/** "Sign in with a code": enter an e-mail address or phone number, then the code that was sent to it. */
@Controller
class CodeSignInController {

  private static final String REQUEST_VIEW = "identity/code-request";
  private static final String VERIFY_VIEW = "identity/code-verify";

  private final CodeSignIn codeSignIn;
  private final BrowserSignIn browserSignIn;

  CodeSignInController(CodeSignIn codeSignIn, BrowserSignIn browserSignIn) {
    this.codeSignIn = codeSignIn;
    this.browserSignIn = browserSignIn;
  }

  @GetMapping("/sign-in/code")
  String showCodeRequest(Model model) {
    model.addAttribute("form", new RequestCodeForm(""));
    return REQUEST_VIEW;
  }

  @PostMapping("/sign-in/code")
  String requestCode(@Valid @ModelAttribute("form") RequestCodeForm form, BindingResult errors,
      RedirectAttributes redirect, HttpServletRequest request) {
    if (errors.hasErrors()) {
      return REQUEST_VIEW;
    }
    try {
      codeSignIn.requestCode(form.recipient(), request.getRemoteAddr());
    } catch (NotAnEmailOrPhoneNumber e) {
      errors.rejectValue("recipient", "code.recipientInvalid");
      return REQUEST_VIEW;
    }
    redirect.addFlashAttribute("recipient", form.recipient());
    return "redirect:/sign-in/code/verify";
  }

  @GetMapping("/sign-in/code/verify")
  String showCodeVerification(Model model) {
    model.addAttribute("form", new VerifyCodeForm(model.getAttribute("recipient") instanceof String recipient
        ? recipient : "", ""));
    return VERIFY_VIEW;
  }

  @PostMapping("/sign-in/code/verify")
  String verifyCode(@Valid @ModelAttribute("form") VerifyCodeForm form, BindingResult errors,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    if (errors.hasErrors()) {
      return VERIFY_VIEW;
    }
    CodeSignIn.Verified verified;
    try {
      verified = codeSignIn.verify(form.recipient(), form.code());
    } catch (CodeRejected | NotAnEmailOrPhoneNumber e) {
      model.addAttribute("form", new VerifyCodeForm(form.recipient(), ""));
      model.addAttribute("rejected", true);
      return VERIFY_VIEW;
    }
    if (verified.pending() != null) {
      return "redirect:" + verified.pending().storeIn(request); // the code was the first factor only
    }
    browserSignIn.start(verified.user(), request, response);
    return "redirect:/";
  }

  record RequestCodeForm(@NotBlank @Size(max = 254) String recipient) {}

  record VerifyCodeForm(@NotBlank @Size(max = 254) String recipient,
      @NotBlank @Size(max = 20) @Pattern(regexp = "\\s*[0-9]{6}\\s*") String code) {}
}
