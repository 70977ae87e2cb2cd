package sightline.identity.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token endpoints for API clients. No session and no CSRF token here: the request body itself is the credential.
 * Every other {@code /api/**} endpoint takes {@code Authorization: Bearer <accessToken>}.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Identity")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
    description = "An access token from /api/v1/auth/login or /api/v1/auth/refresh (valid 15 minutes)")
class ApiTokensController {

  private final ApiTokens tokens;

  ApiTokensController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/login")
  @Operation(summary = "Exchange e-mail and password for an access token and a refresh token",
      description = "The same checks as the sign-in page: lockout, rate limit (5 per minute per address and "
          + "e-mail) and sign-in history. Unknown e-mail, wrong password, locked and disabled accounts get the same "
          + "401 answer. An account with a TOTP second factor also needs `totp` (or `recoveryCode`); without it, "
          + "and only after a right password, the answer is 401 /problems/second-factor-required. A wrong code is "
          + "401 like a wrong password and counts toward the lockout.")
  @ApiResponse(responseCode = "200", description = "Signed in")
  @ApiResponse(responseCode = "401", description = "Not signed in; the reason is not disclosed, except "
      + "/problems/second-factor-required after a right password",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "/problems/second-factor-setup-required: right password, but the "
      + "account's role requires a second factor that is not set up yet; set it up by signing in in the browser",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "Too many attempts",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  IssuedTokens logIn(@Valid @RequestBody IssueTokensForm form) {
    return tokens.signIn(form.email(), form.password(), form.secondFactor());
  }

  @PostMapping("/refresh")
  @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token",
      description = "A refresh token works once. Presenting one that was already used revokes every token issued "
          + "since the sign-in it came from.")
  @ApiResponse(responseCode = "200", description = "The next pair; the presented refresh token is used up")
  @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or reused token, or the account "
      + "may not sign in any more",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  IssuedTokens refresh(@Valid @RequestBody RefreshTokenForm form) {
    return tokens.refresh(form.refreshToken());
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a refresh token and every token of its sign-in",
      description = "Always succeeds. Access tokens already issued expire on their own within 15 minutes.")
  @ApiResponse(responseCode = "204", description = "Revoked (or nothing to revoke)")
  void logOut(@Valid @RequestBody RefreshTokenForm form) {
    tokens.signOut(form.refreshToken());
  }
}
