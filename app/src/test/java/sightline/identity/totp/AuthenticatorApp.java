package sightline.identity.totp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a person's authenticator app does, written independently of {@code Totp} so that tests check the server
 * against the RFCs rather than against itself: reads the Base32 key a page shows and computes RFC 6238 codes.
 */
public final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** RFC 4648 Base32, as an authenticator app reads the key (spaces ignored). */
  public static byte[] key(String base32) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : base32.replace(" ", "").toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write(buffer >> (bits - 8) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  /** RFC 6238 with HMAC-SHA1, 6 digits: the code for the 30-second {@code step}. */
  public static String code(byte[] key, long step) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    int value = ByteBuffer.wrap(hash, hash[19] & 0xf, 4).getInt() & 0x7fffffff;
    return String.format("%06d", value % 1_000_000);
  }
}
