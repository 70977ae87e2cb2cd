package sightline.identity;

/** Whether an account may sign in. */
public enum AccountStatus {
  ACTIVE,
  /** Locked for good after repeated lockouts, until an administrator unlocks it. */
  LOCKED,
  /** Switched off by an administrator. */
  DISABLED
}
