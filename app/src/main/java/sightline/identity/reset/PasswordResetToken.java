package sightline.identity.reset;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.identity.directory.Secrets;

/**
 * A password-reset link's token: valid for {@link #LIFETIME}, used once. Only its SHA-256 is stored, so the database
 * cannot be used to reset anyone's password. The rule takes instants, so it is tested without a clock.
 */
@Entity
@Table(schema = "identity", name = "password_reset")
class PasswordResetToken {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  /** An invitation's link (an account made for someone, who chooses its first password) lasts longer. */
  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  @Id
  private UUID id;

  private UUID accountId;

  private String tokenHash;

  private Instant createdAt;

  private Instant expiresAt;

  private @Nullable Instant usedAt;

  @Version
  private long version;

  protected PasswordResetToken() {
    // for JPA
  }

  PasswordResetToken(AccountId account, String token, Instant now) {
    this(account, token, now, LIFETIME);
  }

  PasswordResetToken(AccountId account, String token, Instant now, Duration lifetime) {
    this.id = UUID.randomUUID();
    this.accountId = account.value();
    this.tokenHash = hash(token);
    this.createdAt = now;
    this.expiresAt = now.plus(lifetime);
  }

  /** The stored form of a token. */
  static String hash(String token) {
    return Secrets.sha256(token);
  }

  /** Whether the link still works at {@code now}: not used and not expired. */
  boolean isUsableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  /** Spends the token; afterwards it never works again. */
  void use(Instant now) {
    if (!isUsableAt(now)) {
      throw new IllegalStateException("reset token is used or expired");
    }
    usedAt = now;
  }

  AccountId account() {
    return new AccountId(accountId);
  }
}
