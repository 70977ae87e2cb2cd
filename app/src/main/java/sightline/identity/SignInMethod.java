package sightline.identity;

import sightline.identity.history.SignInRecorder;

/** How someone tried to sign in. FACE is recorded by the biometrics module through {@link SignInRecorder}. */
public enum SignInMethod {
  PASSWORD, CODE, TOTP, FACE
}
