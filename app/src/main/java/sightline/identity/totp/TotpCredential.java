package sightline.identity.totp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.system.SealingKeys;

/**
 * An account's TOTP secret, sealed by {@link SecretCipher}. Unconfirmed until its owner typed a code from it
 * ({@link #enable}); {@code lastUsedStep} makes every accepted time step the last one that can ever be accepted.
 */
@Entity
@Table(schema = "identity", name = "totp_credential")
class TotpCredential {

  @Id
  private UUID accountId;

  @Column(name = "secret")
  private byte[] secret;

  private String keyId;

  private Instant createdAt;

  private @Nullable Instant enabledAt;

  private @Nullable Long lastUsedStep;

  @Version
  private long version;

  protected TotpCredential() {
    // for JPA
  }

  TotpCredential(UUID accountId, SealingKeys.Sealed secret, Instant createdAt) {
    this.accountId = accountId;
    this.secret = secret.bytes();
    this.keyId = secret.keyId();
    this.createdAt = createdAt;
  }

  UUID accountId() {
    return accountId;
  }

  SealingKeys.Sealed sealedSecret() {
    return new SealingKeys.Sealed(keyId, secret.clone());
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean isEnabled() {
    return enabledAt != null;
  }

  /** The last accepted step, or {@link Long#MIN_VALUE} when none was accepted yet. */
  long lastUsedStep() {
    return lastUsedStep == null ? Long.MIN_VALUE : lastUsedStep;
  }

  /** Accepts {@code step}; refuses a step that is not later than the last accepted one (a replay). */
  void use(long step) {
    if (step <= lastUsedStep()) {
      throw new IllegalStateException("TOTP step " + step + " was already used");
    }
    lastUsedStep = step;
  }

  /** A new unconfirmed secret in place of the waiting one (a set-up started again by another browser). */
  void restart(SealingKeys.Sealed newSecret, Instant now) {
    if (isEnabled()) {
      throw new IllegalStateException("an enabled second factor is not set up again");
    }
    this.secret = newSecret.bytes();
    this.keyId = newSecret.keyId();
    this.createdAt = now;
  }

  void enable(Instant now) {
    enabledAt = now;
  }
}
