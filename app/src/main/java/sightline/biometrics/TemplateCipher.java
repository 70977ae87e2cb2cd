package sightline.biometrics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sightline.system.SealingKeys;

/**
 * Encrypts face templates (and the audit pictures an administrator chose to keep) at rest with AES-256-GCM, on
 * their own key ring ({@link SealingKeys}): {@code sightline.biometrics.template-key} (32 bytes in Base64), with
 * {@code previous-template-keys} still opening older rows after a rotation; the key id is stored beside every sealed
 * row. The owner reference is bound as associated data: a template copied to another person's row does not open.
 * On the embedded default an unset key is generated once into {@code template-key-file}; the {@code postgres}
 * profile refuses to start without one. Thread-safe.
 */
@Component
public class TemplateCipher {

  /** A sealed template: the id of the key that sealed it and nonce followed by ciphertext and tag. */
  public record Sealed(String keyId, byte[] bytes) {
  }

  private final SealingKeys keys;

  TemplateCipher(@Value("${sightline.biometrics.template-key:}") String key,
      @Value("${sightline.biometrics.previous-template-keys:}") List<String> previousKeys,
      @Value("${sightline.biometrics.template-key-file:./data/template.key}") Path keyFile, Environment environment) {
    this.keys = new SealingKeys(new SealingKeys.Source("face templates", "sightline.biometrics.template-key",
        "SIGHTLINE_TEMPLATE_KEY", "sightline.biometrics.previous-template-keys", key, previousKeys, keyFile),
        environment);
  }

  /** The id of the key new templates are sealed with. */
  public String currentKeyId() {
    return keys.currentKeyId();
  }

  /** Encrypts a template for {@code owner} (a stable reference such as {@code account:<id>}). */
  public Sealed seal(float[] template, String owner) {
    ByteBuffer plain = ByteBuffer.allocate(template.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    plain.asFloatBuffer().put(template);
    return sealBytes(plain.array(), owner);
  }

  /**
   * Decrypts a template sealed for {@code owner}.
   *
   * @throws IllegalStateException when its key is no longer configured or the bytes were altered or moved
   */
  public float[] open(Sealed sealed, String owner) {
    byte[] plain = openBytes(sealed, owner);
    float[] template = new float[plain.length / Float.BYTES];
    ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(template);
    return template;
  }

  /** Encrypts arbitrary bytes (an audit frame's JPEG) for {@code owner}, with the same key and rules as templates. */
  public Sealed sealBytes(byte[] plain, String owner) {
    SealingKeys.Sealed sealed = keys.seal(plain, owner);
    return new Sealed(sealed.keyId(), sealed.bytes());
  }

  /**
   * Decrypts bytes sealed with {@link #sealBytes} for {@code owner}.
   *
   * @throws IllegalStateException when its key is no longer configured or the bytes were altered or moved
   */
  public byte[] openBytes(Sealed sealed, String owner) {
    return keys.open(new SealingKeys.Sealed(sealed.keyId(), sealed.bytes()), owner);
  }
}
