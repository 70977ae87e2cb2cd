/**
 * The TOTP second factor, an internal part of the identity module: RFC 6238 codes, secrets encrypted at rest, QR
 * provisioning, recovery codes, the set-up pages, and the administrator's requirement per role. {@link TwoFactor}
 * is what the rest of identity calls; the sign-in steps themselves (lockout, history, sessions) are
 * {@code identity.signin}'s.
 */
@NullMarked
package sightline.identity.totp;

import org.jspecify.annotations.NullMarked;
