package sightline.identity.tokens;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** E-mail and password, exchanged for tokens. */
record IssueTokensForm(
    @NotBlank @Size(max = 254) @Schema(example = "ada@example.org") String email,
    @NotNull @Size(max = 1024) String password) {}
