/**
 * Signing in, internal to identity: the password step, the second (TOTP) step with the pending state between them,
 * the browser session every method starts, sign-ins proven by another module ({@code VerifiedSignInService}), and
 * identity's part of the web security (form login, logout, the session registry).
 */
@NullMarked
package sightline.identity.signin;

import org.jspecify.annotations.NullMarked;
