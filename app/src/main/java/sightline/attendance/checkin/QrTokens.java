package sightline.attendance.checkin;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sightline.courses.ClassSessionId;

/**
 * The tokens of a session's rotating QR code: an HMAC of the session id and the current 15-second step, so a photo
 * of the code sent to a friend at home is useless a few seconds later. The current and the previous step are
 * accepted (a student who scanned just before the change still gets in). Thread-safe.
 */
@Component
class QrTokens {

  /** How long one code is shown before the next replaces it. */
  static final Duration STEP = Duration.ofSeconds(15);

  private final CheckInKeys keys;
  private final Clock clock;

  QrTokens(CheckInKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** A token on show, and when the next one replaces it. */
  record Token(String value, Instant changesAt) {}

  Token current(ClassSessionId session) {
    long step = step(clock.instant());
    return new Token(token(session, step), Instant.ofEpochMilli((step + 1) * STEP.toMillis()));
  }

  /** Whether {@code token} is the session's code of the current or the previous step. */
  boolean accepts(ClassSessionId session, @Nullable String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    long step = step(clock.instant());
    return same(token, token(session, step)) || same(token, token(session, step - 1));
  }

  private String token(ClassSessionId session, long step) {
    byte[] mac = keys.qrMac(session.value() + ":" + step);
    // 16 bytes (128 bits) are ample for a code that lives 30 seconds, and keep the QR code small.
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
  }

  private static long step(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), STEP.toMillis());
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(given.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
