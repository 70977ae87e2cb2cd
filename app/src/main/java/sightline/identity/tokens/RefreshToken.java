package sightline.identity.tokens;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * One refresh token of a family (the chain that starts at one sign-in). Only the SHA-256 of the token is kept: the
 * token is 256 random bits, so a fast hash suffices and a database reader cannot use the rows.
 */
@Entity
@Table(schema = "identity", name = "refresh_token")
class RefreshToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  private UUID id;

  private String tokenHash;

  private UUID familyId;

  private UUID accountId;

  private Instant issuedAt;

  private Instant expiresAt;

  private Instant familyExpiresAt;

  private @Nullable Instant usedAt;

  private @Nullable Instant revokedAt;

  protected RefreshToken() {
    // for JPA
  }

  private RefreshToken(String tokenHash, UUID familyId, UUID accountId, Instant issuedAt, Instant expiresAt,
      Instant familyExpiresAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.familyId = familyId;
    this.accountId = accountId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt.isBefore(familyExpiresAt) ? expiresAt : familyExpiresAt;
    this.familyExpiresAt = familyExpiresAt;
  }

  /** A new token and the row that remembers it; the token itself is returned once and never stored. */
  record Issued(String token, RefreshToken row) {}

  /** The first token of a new family, at sign-in. */
  static Issued startFamily(AccountId account, Instant now, TokenSettings settings) {
    String token = newToken();
    return new Issued(token, new RefreshToken(hash(token), UUID.randomUUID(), account.value(), now,
        now.plus(settings.refreshTokenIdle()), now.plus(settings.refreshTokenAbsolute())));
  }

  /** The token that replaces this one in its family. */
  Issued successor(Instant now, TokenSettings settings) {
    String token = newToken();
    return new Issued(token, new RefreshToken(hash(token), familyId, accountId, now,
        now.plus(settings.refreshTokenIdle()), familyExpiresAt));
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  UUID id() {
    return id;
  }

  UUID familyId() {
    return familyId;
  }

  AccountId account() {
    return new AccountId(accountId);
  }

  boolean isUsed() {
    return usedAt != null;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
