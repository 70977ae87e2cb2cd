package sightline.identity;

/** What an account may do. An account may hold several roles. */
public enum Role {
  /** Manages accounts, settings and everyone's data. */
  ADMIN,
  /** Runs courses and class sessions and sees their reports. */
  TEACHER,
  /** Attends courses and checks in. */
  STUDENT,
  /** Uses plant diagnosis only; created by phone sign-up. */
  MEMBER;

  /** The Spring Security authority for this role, {@code ROLE_<name>}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
