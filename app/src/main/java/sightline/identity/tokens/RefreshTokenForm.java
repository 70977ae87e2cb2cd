package sightline.identity.tokens;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token presented to be exchanged or revoked. */
record RefreshTokenForm(@NotBlank @Size(max = 128) String refreshToken) {}
