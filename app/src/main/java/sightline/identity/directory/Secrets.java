package sightline.identity.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random one-time secrets and their stored form. Codes and reset tokens are kept only as SHA-256 (hex): a reset token
 * has 256 random bits, so a fast hash is enough; a 6-digit code is salted with its row id and lives 5 minutes with at
 * most 5 tries, so a leaked hash is worth less than the rate-limited front door. Thread-safe.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** Six decimal digits, uniformly from {@code 000000} to {@code 999999}. */
  public static String sixDigitCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /** 32 random bytes, URL-safe Base64 without padding (43 characters). */
  public static String urlToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the parts joined by a NUL, as 64 hex digits. */
  public static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
