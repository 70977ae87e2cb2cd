package sightline.biometrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Encrypts face templates at rest with AES-256-GCM. The key comes from configuration
 * ({@code sightline.biometrics.template-key}, 32 bytes in Base64); its id (the first 8 bytes of its SHA-256, hex) is
 * stored beside every sealed template, so a new key can be configured while the previous ones stay listed in
 * {@code sightline.biometrics.previous-template-keys} for reading. The owner reference is bound as associated data:
 * a sealed template copied to another person's row does not open.
 *
 * <p>On the embedded default (no {@code postgres} profile) an unset key is generated once into
 * {@code sightline.biometrics.template-key-file}, so the first start just works; the production profile refuses to
 * start without a configured key.
 */
@Component
public class TemplateCipher {

  private static final Logger log = LoggerFactory.getLogger(TemplateCipher.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed template: the id of the key that sealed it and nonce followed by ciphertext and tag. */
  public record Sealed(String keyId, byte[] bytes) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final String currentKeyId;

  TemplateCipher(@Value("${sightline.biometrics.template-key:}") String key,
      @Value("${sightline.biometrics.previous-template-keys:}") List<String> previousKeys,
      @Value("${sightline.biometrics.template-key-file:./data/template.key}") Path keyFile, Environment environment) {
    String current = key.isBlank() ? keyFromFile(keyFile, environment) : key;
    this.currentKeyId = add(current);
    previousKeys.stream().filter(k -> !k.isBlank()).forEach(this::add);
  }

  /** The id of the key new templates are sealed with. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Encrypts a template for {@code owner} (a stable reference such as {@code account:<id>}). */
  public Sealed seal(float[] template, String owner) {
    ByteBuffer plain = ByteBuffer.allocate(template.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    plain.asFloatBuffer().put(template);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.array());
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new Sealed(currentKeyId, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts a template sealed for {@code owner}.
   *
   * @throws IllegalStateException when its key is no longer configured or the bytes were altered or moved
   */
  public float[] open(Sealed sealed, String owner) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("face template sealed with key " + sealed.keyId()
          + ", which is not configured; list it in sightline.biometrics.previous-template-keys");
    }
    byte[] bytes = sealed.bytes();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      float[] template = new float[plain.length / Float.BYTES];
      ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(template);
      return template;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("face template for " + owner + " does not decrypt: altered or moved", e);
    }
  }

  /**
   * Encrypts arbitrary bytes (an audit frame's JPEG) for {@code owner}, with the same key, nonce size and associated
   * data rule as templates.
   */
  public Sealed sealBytes(byte[] plain, String owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new Sealed(currentKeyId, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts bytes sealed with {@link #sealBytes} for {@code owner}.
   *
   * @throws IllegalStateException when its key is no longer configured or the bytes were altered or moved
   */
  public byte[] openBytes(Sealed sealed, String owner) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("data sealed with key " + sealed.keyId() + ", which is not configured");
    }
    byte[] bytes = sealed.bytes();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("data sealed for " + owner + " does not decrypt: altered or moved", e);
    }
  }

  private String add(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("sightline.biometrics.template-key is not Base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalStateException("a face template key must be 32 bytes (Base64 of 32 random bytes, e.g. "
          + "`openssl rand -base64 32`), this one has " + raw.length);
    }
    String id = keyId(raw);
    keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
    return id;
  }

  private static String keyId(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String keyFromFile(Path file, Environment environment) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      throw new IllegalStateException("set sightline.biometrics.template-key (SIGHTLINE_TEMPLATE_KEY) to 32 random "
          + "bytes in Base64, e.g. `openssl rand -base64 32`: face templates are encrypted with it");
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
      log.warn("Generated the face-template key {}; back it up with the database (templates cannot be read "
          + "without it) or set sightline.biometrics.template-key", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the face-template key " + file, e);
    }
  }
}
