package sightline.attendance.webhooks;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import sightline.system.SealingKeys;

/**
 * Webhook signing secrets: made here (32 random bytes, shown to the administrator once as {@code whsec_} and
 * Base64url) and kept sealed with AES-256-GCM on their own key ring, {@code sightline.webhooks.secret-key}
 * ({@code previous-secret-keys} still open older ones after a rotation). Unlike a password the secret must be read
 * back to sign, so it is encrypted, not hashed. Thread-safe.
 */
@Component
class WebhookSecrets {

  private static final String PREFIX = "whsec_";
  private final SecureRandom random = new SecureRandom();
  private final SealingKeys keys;

  WebhookSecrets(@Value("${sightline.webhooks.secret-key:}") String key,
      @Value("${sightline.webhooks.previous-secret-keys:}") List<String> previousKeys,
      @Value("${sightline.webhooks.secret-key-file:./data/webhook.key}") Path keyFile, Environment environment) {
    this.keys = new SealingKeys(new SealingKeys.Source("webhook secrets", "sightline.webhooks.secret-key",
        "SIGHTLINE_WEBHOOK_KEY", "sightline.webhooks.previous-secret-keys", key, previousKeys, keyFile), environment);
  }

  /** A new secret as the administrator copies it. */
  String generate() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  SealingKeys.Sealed seal(String secret, UUID webhook) {
    return keys.seal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), Webhook.secretOwner(webhook));
  }

  /** The HMAC key: the secret's text exactly as shown, so receivers key their HMAC with the string they copied. */
  byte[] open(SealingKeys.Sealed sealed, UUID webhook) {
    return keys.open(sealed, Webhook.secretOwner(webhook));
  }
}
