/**
 * API tokens, an internal part of the identity module: signed access tokens (JWT) with rotating keys, opaque
 * refresh tokens with reuse detection, and the {@code /api/v1/auth} endpoints. Signs in through the same password
 * provider as the sign-in form ({@code identity.signin}).
 */
@NullMarked
package sightline.identity.tokens;

import org.jspecify.annotations.NullMarked;
