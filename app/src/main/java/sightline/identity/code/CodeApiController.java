package sightline.identity.code;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;
import sightline.identity.signin.BrowserSignIn;

/**
 * One-time codes over the API. Asking for a code answers 202 whether or not an account exists; the JSON-only bodies
 * are why these endpoints need no CSRF token (a cross-site form cannot send JSON).
 */
@RestController
@Tag(name = "Identity")
class CodeApiController {

  private final CodeSignIn codeSignIn;
  private final BrowserSignIn browserSignIn;
  private final AccountDirectory directory;

  CodeApiController(CodeSignIn codeSignIn, BrowserSignIn browserSignIn, AccountDirectory directory) {
    this.codeSignIn = codeSignIn;
    this.browserSignIn = browserSignIn;
    this.directory = directory;
  }

  /** @param recipient an e-mail address or an international phone number such as {@code +919876543210} */
  record CodeRequest(@NotBlank @Size(max = 254) String recipient) {}

  record CodeVerification(@NotBlank @Size(max = 254) String recipient,
      @NotBlank @Pattern(regexp = "[0-9]{6}") String code) {}

  @PostMapping(path = "/api/v1/auth/codes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send a six-digit sign-in code by e-mail or SMS (valid 5 minutes, 5 tries)",
      description = "Answers 202 whether or not the recipient has an account. An unknown phone number gets a code "
          + "that creates a MEMBER account when confirmed.")
  @ApiResponse(responseCode = "202", description = "A code was sent if the recipient may receive one")
  @ApiResponse(responseCode = "400", description = "Neither an e-mail address nor an international phone number")
  @ApiResponse(responseCode = "429", description = "3 requests for this recipient in 10 minutes, or 60 code and "
      + "reset requests from this client address; see Retry-After")
  void requestCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
    codeSignIn.requestCode(request.recipient(), http.getRemoteAddr());
  }

  @PostMapping(path = "/api/v1/auth/codes/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Sign in with a code; starts a session (cookie) and returns the signed-in account")
  @ApiResponse(responseCode = "200", description = "Signed in")
  @ApiResponse(responseCode = "401", description = "Wrong, expired, used or exhausted code; never says which. Or, "
      + "after a right code, /problems/second-factor-required: the account uses TOTP, so sign in through "
      + "/api/v1/auth/login with password and totp")
  @ApiResponse(responseCode = "403", description = "After a right code: /problems/second-factor-setup-required")
  AccountView verifyCode(@Valid @RequestBody CodeVerification verification, HttpServletRequest request,
      HttpServletResponse response) {
    CodeSignIn.Verified verified = codeSignIn.verify(verification.recipient(), verification.code());
    if (verified.pending() != null) {
      // The API has no second step for codes: an account with a second factor signs in through /api/v1/auth/login
      // with its password and TOTP, or in the browser. The code is spent either way.
      throw verified.pending().problem();
    }
    SignedInUser user = verified.user();
    browserSignIn.start(user, request, response);
    return directory.find(user.id()).orElseThrow(CodeRejected::new);
  }
}
