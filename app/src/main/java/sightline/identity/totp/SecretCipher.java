package sightline.identity.totp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM. The key is {@code sightline.identity.totp.secret-key} (32 bytes,
 * Base64); its id (first 8 bytes of its SHA-256, hex) is stored beside each secret, so after a key change the old
 * key listed in {@code previous-secret-keys} still opens older secrets. The account id is bound as associated data:
 * a secret copied to another account's row does not open. On the embedded default an unset key is generated once
 * into {@code secret-key-file} (./data/totp.key); the {@code postgres} profile refuses to start without one.
 *
 * <p>Written here rather than reusing {@code biometrics.TemplateCipher}: identity may depend on no other module, and
 * the two keys protect different data, so they should rotate independently anyway. Thread-safe.
 */
@Component
class SecretCipher {

  private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed secret: the id of its key, and nonce + ciphertext + tag. */
  record Sealed(String keyId, byte[] bytes) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final String currentKeyId;

  SecretCipher(@Value("${sightline.identity.totp.secret-key:}") String key,
      @Value("${sightline.identity.totp.previous-secret-keys:}") List<String> previousKeys,
      @Value("${sightline.identity.totp.secret-key-file:./data/totp.key}") Path keyFile, Environment environment) {
    this.currentKeyId = add(key.isBlank() ? keyFromFile(keyFile, environment) : key);
    previousKeys.stream().filter(k -> !k.isBlank()).forEach(this::add);
  }

  Sealed seal(byte[] secret, String owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret);
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new Sealed(currentKeyId, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** @throws IllegalStateException when the key is no longer configured, or the bytes were altered or moved */
  byte[] open(Sealed sealed, String owner) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("TOTP secret sealed with key " + sealed.keyId() + ", which is not configured; "
          + "list it in sightline.identity.totp.previous-secret-keys");
    }
    byte[] bytes = sealed.bytes();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TOTP secret of " + owner + " does not decrypt: altered or moved", e);
    }
  }

  private String add(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("sightline.identity.totp.secret-key is not Base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalStateException("the TOTP secret key must be 32 bytes (Base64 of 32 random bytes, e.g. "
          + "`openssl rand -base64 32`), this one has " + raw.length);
    }
    try {
      String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
      keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
      return id;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String keyFromFile(Path file, Environment environment) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      throw new IllegalStateException("set sightline.identity.totp.secret-key (SIGHTLINE_TOTP_KEY) to 32 random "
          + "bytes in Base64, e.g. `openssl rand -base64 32`: TOTP secrets are encrypted with it");
    }
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      String key = Base64.getEncoder().encodeToString(raw);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, key + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file keeps the folder's permissions.
      }
      log.warn("Generated the TOTP secret key {}; back it up with the database (two-factor sign-in cannot work "
          + "without it) or set sightline.identity.totp.secret-key", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the TOTP secret key " + file, e);
    }
  }
}
