package sightline.identity.reset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset over the API. Asking for a link answers 202 whether or not an account exists; the JSON-only bodies
 * are why these endpoints need no CSRF token (a cross-site form cannot send JSON).
 */
@RestController
@Tag(name = "Identity")
class PasswordResetApiController {

  private final PasswordReset passwordReset;

  PasswordResetApiController(PasswordReset passwordReset) {
    this.passwordReset = passwordReset;
  }

  record ResetRequest(@NotBlank @Size(max = 254) String email) {}

  record ResetConfirmation(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 200) String password) {}

  @PostMapping(path = "/api/v1/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "E-mail a password-reset link (single use, 30 minutes)",
      description = "Answers 202 whether or not an account has this address.")
  @ApiResponse(responseCode = "202", description = "A link was sent if an account has this address")
  @ApiResponse(responseCode = "429", description = "3 requests for this address in 10 minutes, or 60 code and "
      + "reset requests from this client address; see Retry-After")
  void requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
    passwordReset.requestLink(request.email(), http.getRemoteAddr());
  }

  @PostMapping(path = "/api/v1/auth/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Set a new password with the token from a reset link")
  @ApiResponse(responseCode = "204", description = "Password changed; the token is spent")
  @ApiResponse(responseCode = "400", description = "Link unknown, used or expired, or the password breaks the policy")
  void confirmReset(@Valid @RequestBody ResetConfirmation confirmation) {
    passwordReset.resetPassword(confirmation.token(), confirmation.password());
  }
}
