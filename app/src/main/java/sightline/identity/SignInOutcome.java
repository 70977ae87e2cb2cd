package sightline.identity;

/** The result of one sign-in attempt, as the history shows it. */
public enum SignInOutcome {
  SUCCESS,
  /** Unknown identifier or wrong secret; the caller is never told which. */
  BAD_CREDENTIALS,
  /** Temporarily locked after too many failures, or locked for good. */
  LOCKED,
  DISABLED,
  /** Self-registered and not yet approved by an administrator. */
  NOT_APPROVED,
  /** Refused before any check: too many attempts from this address for this identifier. */
  RATE_LIMITED,
  /** The password or one-time code was right; the second factor (TOTP) is asked next, recorded as its own row. */
  SECOND_FACTOR_REQUIRED,
  /** Face sign-in: the live face was not the claimed account's (or, face only, nobody's above the threshold). */
  FACE_NOT_MATCHED,
  /** Face sign-in: the liveness session failed (challenge not met, spoof suspected, face changed, expired). */
  LIVENESS_FAILED
}
