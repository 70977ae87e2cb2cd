package sightline.attendance.checkin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server secret behind the rotating QR codes and the device hashes: {@code sightline.attendance.check-in-key}
 * (32 bytes in Base64), else generated once into {@code check-in-key-file}. Each use derives its own key from it
 * (HMAC with a label), so a QR token never reveals anything about a device hash. Changing the key invalidates the
 * QR codes on show (for 30 s at most) and makes new device hashes differ from old ones. Thread-safe.
 */
@Component
class CheckInKeys {

  private static final Logger log = LoggerFactory.getLogger(CheckInKeys.class);

  private final byte[] qrKey;
  private final byte[] deviceSalt;

  CheckInKeys(@Value("${sightline.attendance.check-in-key:}") String key,
      @Value("${sightline.attendance.check-in-key-file:./data/check-in.key}") Path keyFile) {
    byte[] master = Base64.getDecoder().decode((key.isBlank() ? fromFile(keyFile) : key).strip());
    if (master.length != 32) {
      throw new IllegalStateException("sightline.attendance.check-in-key must be 32 bytes in Base64");
    }
    this.qrKey = hmac(master, "qr-code");
    this.deviceSalt = hmac(master, "device-id");
  }

  /** HMAC-SHA256 of {@code text} under the QR key. */
  byte[] qrMac(String text) {
    return hmac(qrKey, text);
  }

  /** The salted SHA-256 of a browser's device id, 64 hex digits; equal ids give equal hashes on this server. */
  String deviceHash(String deviceId) {
    return HexFormat.of().formatHex(hmac(deviceSalt, deviceId));
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      String key = Base64.getEncoder().encodeToString(raw);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, key + "\n");
      log.info("Generated the check-in key (QR codes, device hashes) in {}", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the check-in key " + file, e);
    }
  }
}
