package sightline.identity.tokens;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** E-mail and password, and for accounts with a second factor its code, exchanged for tokens. */
record IssueTokensForm(
    @NotBlank @Size(max = 254) @Schema(example = "ada@example.org") String email,
    @NotNull @Size(max = 1024) String password,
    @Nullable @Size(max = 12) @Schema(description = "The current six-digit code of the authenticator app, for an "
        + "account with a TOTP second factor", example = "123456") String totp,
    @Nullable @Size(max = 40) @Schema(description = "Instead of totp: one of the account's single-use recovery codes")
    String recoveryCode) {

  /** The second factor sent, if any: the TOTP code, else the recovery code. */
  @Nullable String secondFactor() {
    if (totp != null && !totp.isBlank()) {
      return totp;
    }
    return recoveryCode != null && !recoveryCode.isBlank() ? recoveryCode : null;
  }
}
