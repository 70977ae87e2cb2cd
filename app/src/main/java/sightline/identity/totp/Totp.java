package sightline.identity.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Sightline uses {@link #SIGHTLINE}: HMAC-SHA1,
 * 6 digits, 30-second steps from the Unix epoch, the parameters every authenticator app supports. Immutable and
 * thread-safe.
 *
 * @param algorithm the JCA HMAC name: HmacSHA1, HmacSHA256 or HmacSHA512
 * @param digits code length, 6 to 8
 * @param stepSeconds length of one time step, at least 1
 */
record Totp(String algorithm, int digits, long stepSeconds) {

  /** What Sightline issues and accepts. */
  static final Totp SIGHTLINE = new Totp("HmacSHA1", 6, 30);

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  Totp {
    if (digits < 6 || digits > 8 || stepSeconds < 1) {
      throw new IllegalArgumentException("TOTP needs 6 to 8 digits and steps of at least 1 s");
    }
  }

  /** The time step that {@code epochSecond} falls in (T in RFC 6238, with T0 = 0). */
  long stepAt(long epochSecond) {
    return Math.floorDiv(epochSecond, stepSeconds);
  }

  /** The code for one time step, zero-padded to {@link #digits()}. */
  String code(byte[] key, long step) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
      // RFC 4226 section 5.3, dynamic truncation: the low nibble of the last byte picks 4 bytes, top bit cleared.
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /**
   * The step within {@code window} steps of {@code currentStep} whose code is {@code typed}, skipping every step up to
   * and including {@code lastUsedStep} (so a code, once accepted, never works again, nor does an older one). The
   * comparison runs in constant time for every candidate step.
   *
   * @param lastUsedStep the step accepted last for this secret, or {@link Long#MIN_VALUE} for none
   * @return the matching step, or empty
   */
  OptionalLong match(byte[] key, String typed, long currentStep, int window, long lastUsedStep) {
    String code = typed.strip();
    if (code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    byte[] guess = code.getBytes(StandardCharsets.US_ASCII);
    long found = Long.MIN_VALUE;
    for (long step = currentStep - window; step <= currentStep + window; step++) {
      boolean same = MessageDigest.isEqual(guess,
          code(key, step).getBytes(StandardCharsets.US_ASCII));
      if (same && step > lastUsedStep && found == Long.MIN_VALUE) {
        found = step;
      }
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }
}
