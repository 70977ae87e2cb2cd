package sightline.identity.totp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One single-use recovery code. A code is 16 characters of Crockford's Base32 (80 random bits), shown as four
 * groups of four; only its SHA-256, salted with the account id, is stored. Typing is forgiving: case, spaces and
 * dashes do not matter, and the letters Crockford reads as digits (I, L as 1; O as 0) are read so.
 */
@Entity
@Table(schema = "identity", name = "totp_recovery_code")
class RecoveryCode {

  static final int PER_ACCOUNT = 10;
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  private UUID id;

  private UUID accountId;

  private String codeHash;

  private Instant createdAt;

  private @Nullable Instant usedAt;

  @Version
  private long version;

  protected RecoveryCode() {
    // for JPA
  }

  RecoveryCode(UUID accountId, String code, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.codeHash = hash(accountId, code);
    this.createdAt = createdAt;
  }

  /** A new random code, formatted for reading ({@code xxxx-xxxx-xxxx-xxxx}). */
  static String newCode() {
    StringBuilder code = new StringBuilder(19);
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The stored form of what someone typed for {@code accountId}. */
  static String hash(UUID accountId, String typed) {
    String normal = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "")
        .replace('i', '1').replace('l', '1').replace('o', '0');
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(accountId.toString().getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether what someone typed could be a recovery code at all (16 code characters once dashes are removed). */
  static boolean looksLikeOne(String typed) {
    return typed.replaceAll("[\\s-]", "").length() == 16;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  void use(Instant now) {
    if (usedAt != null) {
      throw new IllegalStateException("recovery code already used");
    }
    usedAt = now;
  }
}
