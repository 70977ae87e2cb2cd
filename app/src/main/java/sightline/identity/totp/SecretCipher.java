package sightline.identity.totp;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sightline.system.SealingKeys;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM on their own key ring ({@link SealingKeys}):
 * {@code sightline.identity.totp.secret-key} (32 bytes, Base64), with {@code previous-secret-keys} still opening older
 * secrets after a rotation. The account id is bound as associated data: a secret copied to another account's row does
 * not open. On the embedded default an unset key is generated once into {@code secret-key-file} (./data/totp.key);
 * the {@code postgres} profile refuses to start without one. Its own ring, not the face templates': the two keys
 * protect different data and rotate independently. Thread-safe.
 */
@Component
class SecretCipher {

  private final SealingKeys keys;

  SecretCipher(@Value("${sightline.identity.totp.secret-key:}") String key,
      @Value("${sightline.identity.totp.previous-secret-keys:}") List<String> previousKeys,
      @Value("${sightline.identity.totp.secret-key-file:./data/totp.key}") Path keyFile, Environment environment) {
    this.keys = new SealingKeys(new SealingKeys.Source("TOTP secrets", "sightline.identity.totp.secret-key",
        "SIGHTLINE_TOTP_KEY", "sightline.identity.totp.previous-secret-keys", key, previousKeys, keyFile),
        environment);
  }

  SealingKeys.Sealed seal(byte[] secret, String owner) {
    return keys.seal(secret, owner);
  }

  /** @throws IllegalStateException when the key is no longer configured, or the bytes were altered or moved */
  byte[] open(SealingKeys.Sealed sealed, String owner) {
    return keys.open(sealed, owner);
  }
}
