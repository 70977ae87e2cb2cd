package sightline.identity.tokens;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a sign-in or a refresh returns (the shape of an OAuth 2.0 token response, in camel case). */
record IssuedTokens(
    @Schema(description = "JWT for the Authorization header: Bearer <accessToken>") String accessToken,
    @Schema(description = "Always Bearer", example = "Bearer") String tokenType,
    @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
    @Schema(description = "Opaque, single-use; exchange it at /api/v1/auth/refresh for the next pair")
    String refreshToken) {}
