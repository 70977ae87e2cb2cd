package sightline.attendance.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code sha256=} and the hex HMAC-SHA256, keyed with the webhook's secret, of the
 * timestamp header's value, a dot, and the raw body. Signing the timestamp with the body lets a receiver refuse a
 * replayed old request (it should accept only timestamps within a few minutes of its clock).
 */
final class WebhookSignature {

  static final String SIGNATURE_HEADER = "X-Sightline-Signature";
  static final String TIMESTAMP_HEADER = "X-Sightline-Timestamp";
  static final String EVENT_ID_HEADER = "X-Sightline-Event-Id";
  static final String EVENT_TYPE_HEADER = "X-Sightline-Event";
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code timestamp} (Unix seconds, as in the timestamp header). */
  static String sign(byte[] secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** What a receiver does: recompute and compare in constant time. */
  static boolean verify(byte[] secret, long timestamp, String body, String header) {
    return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
        header.getBytes(StandardCharsets.US_ASCII));
  }
}
