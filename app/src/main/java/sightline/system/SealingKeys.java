package sightline.system;

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
import org.springframework.core.env.Environment;

/**
 * AES-256-GCM encryption at rest with a ring of keys from configuration: the current key seals, the current and
 * previous keys open. A key's id (the first 8 bytes of its SHA-256, hex) is stored beside every sealed value, so a
 * key can be rotated while the old one stays listed for reading. An owner reference is bound as associated data: a
 * sealed value copied to another row does not open. Each kind of secret (face templates, TOTP secrets) has its own
 * ring, so their keys rotate independently.
 *
 * <p>On the embedded default an unset key is generated once into a key file, so the first start just works; the
 * {@code postgres} profile refuses to start without a configured key. Thread-safe.
 */
public final class SealingKeys {

  private static final Logger log = LoggerFactory.getLogger(SealingKeys.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /**
   * Where a ring's keys come from.
   *
   * @param protects    what the keys encrypt, for messages ("face templates")
   * @param property    the configuration property of the current key ({@code sightline.biometrics.template-key})
   * @param variable    the environment variable people set for it ({@code SIGHTLINE_TEMPLATE_KEY})
   * @param previousProperty the property that lists previous keys
   * @param key         the configured current key (Base64 of 32 bytes), or blank
   * @param previousKeys previous keys that still open older values
   * @param keyFile     where an unset key is generated on the embedded default
   */
  public record Source(String protects, String property, String variable, String previousProperty, String key,
      List<String> previousKeys, Path keyFile) {}

  /** A sealed value: the id of the key that sealed it, and nonce followed by ciphertext and tag. */
  public record Sealed(String keyId, byte[] bytes) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final Source source;
  private final String currentKeyId;

  /**
   * Loads the ring.
   *
   * @throws IllegalStateException when a key is not Base64 of 32 bytes, or none is configured under {@code postgres}
   */
  public SealingKeys(Source source, Environment environment) {
    this.source = source;
    this.currentKeyId = add(source.key().isBlank() ? keyFromFile(environment) : source.key());
    source.previousKeys().stream().filter(k -> !k.isBlank()).forEach(this::add);
  }

  /** The id of the key new values are sealed with. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Encrypts {@code plain} for {@code owner} (a stable reference such as {@code account:<id>}). */
  public Sealed seal(byte[] plain, String owner) {
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
   * Decrypts a value sealed for {@code owner}.
   *
   * @throws IllegalStateException when its key is no longer configured, or the bytes were altered or moved
   */
  public byte[] open(Sealed sealed, String owner) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException(source.protects() + ": sealed with key " + sealed.keyId()
          + ", which is not configured; list it in " + source.previousProperty());
    }
    byte[] bytes = sealed.bytes();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(source.protects() + ": the value for " + owner
          + " does not decrypt: altered or moved", e);
    }
  }

  private String add(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source.property() + " is not Base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalStateException("the key for " + source.protects() + " must be 32 bytes (Base64 of 32 random "
          + "bytes, e.g. `openssl rand -base64 32`), this one has " + raw.length);
    }
    try {
      String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
      keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
      return id;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String keyFromFile(Environment environment) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      throw new IllegalStateException("set " + source.property() + " (" + source.variable() + ") to 32 random "
          + "bytes in Base64, e.g. `openssl rand -base64 32`: " + source.protects() + " are encrypted with it");
    }
    Path file = source.keyFile();
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      String key = Base64.getEncoder().encodeToString(raw);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        // Owner-only from the first byte: never readable by others, not even between writing and chmod.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);   // Windows: the file keeps the folder's permissions
      }
      Files.writeString(file, key + "\n");
      log.warn("Generated the key for {} in {}; back it up with the database ({} cannot be read without it) or set "
          + "{}", source.protects(), file.toAbsolutePath(), source.protects(), source.property());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key for " + source.protects() + " " + file, e);
    }
  }
}
