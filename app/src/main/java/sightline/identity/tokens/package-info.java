/**
 * API tokens, an internal part of the identity module: signed access tokens (JWT) with rotating keys, opaque
 * refresh tokens with reuse detection, and the {@code /api/v1/auth} endpoints. Uses only the identity module's public
 * types, so the rest of identity stays package-private.
 */
@NullMarked
package sightline.identity.tokens;

import org.jspecify.annotations.NullMarked;
