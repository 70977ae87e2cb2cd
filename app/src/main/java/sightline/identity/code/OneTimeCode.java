package sightline.identity.code;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.identity.delivery.Channel;
import sightline.identity.directory.Secrets;

/**
 * A six-digit sign-in code sent to one recipient: valid for {@link #LIFETIME}, used once, at most {@link #MAX_TRIES}
 * guesses. Only a salted SHA-256 of the code is stored. The rules take instants, so they are tested without a clock.
 */
@Entity
@Table(schema = "identity", name = "one_time_code")
class OneTimeCode {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final int MAX_TRIES = 5;

  /** What a guess did. Only {@code ACCEPTED} signs in; the caller never learns which of the others happened. */
  enum Check { ACCEPTED, WRONG, EXPIRED, USED, TOO_MANY_TRIES }

  @Id
  private UUID id;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private Channel channel;

  private String recipientKey;

  private @Nullable UUID accountId;

  private String codeHash;

  private int tries;

  private Instant createdAt;

  private Instant expiresAt;

  private @Nullable Instant usedAt;

  @Version
  private long version;

  protected OneTimeCode() {
    // for JPA
  }

  /**
   * @param recipientKey lower-cased e-mail address or E.164 phone number
   * @param account the account the recipient belongs to, or null for a phone number that has none yet
   */
  OneTimeCode(Channel channel, String recipientKey, @Nullable AccountId account, String code, Instant now) {
    this.id = UUID.randomUUID();
    this.channel = channel;
    this.recipientKey = recipientKey;
    this.accountId = account == null ? null : account.value();
    this.codeHash = Secrets.sha256(id.toString(), code);
    this.createdAt = now;
    this.expiresAt = now.plus(LIFETIME);
  }

  /** Checks one guess at {@code now}; every guess on a live code counts as a try, the right one marks it used. */
  Check check(String guess, Instant now) {
    if (usedAt != null) {
      return Check.USED;
    }
    if (!now.isBefore(expiresAt)) {
      return Check.EXPIRED;
    }
    if (tries >= MAX_TRIES) {
      return Check.TOO_MANY_TRIES;
    }
    tries++;
    if (!Secrets.sameHash(codeHash, Secrets.sha256(id.toString(), guess.strip()))) {
      return Check.WRONG;
    }
    usedAt = now;
    return Check.ACCEPTED;
  }

  /** A newer code for the same recipient replaces this one. */
  void supersede(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  Channel channel() {
    return channel;
  }

  String recipientKey() {
    return recipientKey;
  }

  @Nullable AccountId account() {
    return accountId == null ? null : new AccountId(accountId);
  }

  int tries() {
    return tries;
  }
}
