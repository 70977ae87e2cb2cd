package sightline.identity.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.identity.AccountStatus;
import sightline.identity.AccountView;
import sightline.identity.Role;
import sightline.identity.SignInOutcome;
import sightline.identity.SignedInUser;

/** A person who can sign in. State changes only through the methods below, each of which keeps the rules. */
@Entity
@Table(schema = "identity", name = "account")
public class Account {

  @Id
  private UUID id;

  private String email;

  @Column(name = "email_key")
  private String emailKey;

  private String displayName;

  private @Nullable String phone;

  private @Nullable String department;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private AccountStatus status;

  private @Nullable String passwordHash;

  private int failedSignIns;

  private int lockouts;

  private @Nullable Instant lockedUntil;

  private Instant createdAt;

  private @Nullable Instant lastSignInAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(schema = "identity", name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  @Column(name = "role")
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  private boolean awaitingApproval;

  @Version
  private long version;

  protected Account() {
    // for JPA
  }

  public Account(String email, String displayName, Set<Role> roles, @Nullable String department, Instant createdAt) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one role");
    }
    this.id = UUID.randomUUID();
    this.email = email.strip();
    this.emailKey = emailKey(email);
    this.displayName = displayName.strip();
    this.department = department == null || department.isBlank() ? null : department.strip();
    this.roles = EnumSet.copyOf(roles);
    this.status = AccountStatus.ACTIVE;
    this.createdAt = createdAt;
  }

  /** The form in which e-mail addresses are unique: trimmed and lower-cased. */
  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public AccountId id() {
    return new AccountId(id);
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  @Nullable String department() {
    return department;
  }

  /** The E.164 phone number that one-time codes by SMS go to, if any. */
  public @Nullable String phone() {
    return phone;
  }

  /** Sets the phone number, already normalised to E.164 ({@code Recipient.parse}). */
  public void assignPhone(String e164) {
    this.phone = e164;
  }

  public AccountStatus status() {
    return status;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public @Nullable String passwordHash() {
    return passwordHash;
  }

  Instant createdAt() {
    return createdAt;
  }

  @Nullable Instant lastSignInAt() {
    return lastSignInAt;
  }

  @Nullable Instant lockedUntil() {
    return lockedUntil;
  }

  public void setPasswordHash(String hash) {
    this.passwordHash = hash;
  }

  /** The account as other modules and pages see it. */
  public AccountView view() {
    return new AccountView(id(), email, displayName, roles(), department, status, createdAt, lastSignInAt,
        awaitingApproval);
  }

  /** The account as administrators see it at {@code now}, with its lock. */
  public AccountState stateAt(Instant now) {
    boolean locked = isLockedAt(now);
    return new AccountState(view(), locked, locked && status != AccountStatus.LOCKED ? lockedUntil : null);
  }

  /** The signed-in user this account becomes once a sign-in succeeds. */
  public SignedInUser signedIn() {
    return new SignedInUser(id(), email(), displayName(), roles());
  }

  /**
   * Why this account may not sign in at {@code now} whatever it proves: DISABLED, NOT_APPROVED (self-registered, not
   * yet approved) or LOCKED; null when it may. One rule for every sign-in method.
   */
  public @Nullable SignInOutcome refusalAt(Instant now) {
    if (status == AccountStatus.DISABLED) {
      return SignInOutcome.DISABLED;
    }
    if (awaitingApproval) {
      return SignInOutcome.NOT_APPROVED;
    }
    return isLockedAt(now) ? SignInOutcome.LOCKED : null;
  }

  /** Whether sign-in must be refused at {@code now} because of a temporary or permanent lock. */
  boolean isLockedAt(Instant now) {
    return status == AccountStatus.LOCKED || (lockedUntil != null && now.isBefore(lockedUntil));
  }

  /** A wrong secret: counts it, and locks the account when the policy says so. */
  public void recordFailedSignIn(Instant now, LockoutPolicy policy) {
    failedSignIns++;
    if (failedSignIns >= policy.failures()) {
      failedSignIns = 0;
      lockouts++;
      if (policy.permanentAfter() > 0 && lockouts >= policy.permanentAfter()) {
        status = AccountStatus.LOCKED;
        lockedUntil = null;
      } else {
        lockedUntil = now.plus(policy.waitFor(lockouts));
      }
    }
  }

  /** A successful sign-in clears the failure count and the lockout history. */
  public void recordSuccessfulSignIn(Instant now) {
    failedSignIns = 0;
    lockouts = 0;
    lockedUntil = null;
    lastSignInAt = now;
  }

  /** An administrator lifts any lock. */
  void unlock() {
    if (status == AccountStatus.LOCKED) {
      status = AccountStatus.ACTIVE;
    }
    failedSignIns = 0;
    lockouts = 0;
    lockedUntil = null;
  }

  void rename(String displayName, @Nullable String department) {
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("an account needs a name");
    }
    this.displayName = displayName.strip();
    this.department = department == null || department.isBlank() ? null : department.strip();
  }

  void changeRoles(Set<Role> roles) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one role");
    }
    this.roles.clear();
    this.roles.addAll(roles);
  }

  /** Self-registered and not yet approved: may not sign in. */
  boolean awaitingApproval() {
    return awaitingApproval;
  }

  void awaitApproval() {
    awaitingApproval = true;
  }

  void approve() {
    awaitingApproval = false;
  }

  void disable() {
    status = AccountStatus.DISABLED;
  }

  void enable() {
    if (status == AccountStatus.DISABLED) {
      status = AccountStatus.ACTIVE;
    }
  }
}
