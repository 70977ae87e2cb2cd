package sightline.faceapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sightline.faceapi.FaceApplicationRepository.ActionRow;
import sightline.faceapi.FaceApplicationRepository.ApplicationRow;
import sightline.faceapi.FaceApplicationRepository.KeyRow;
import sightline.identity.AccountId;

/**
 * Integrators' applications and their API keys. A key is 32 random bytes (Base64url, prefixed {@code sfa_}); it is
 * returned once by {@link #createKey} and only its SHA-256 is stored, so a stolen database does not hand out keys.
 * A plain hash suffices (no slow hash as for passwords): the key has 256 bits of entropy, so there is nothing to
 * guess. Every administrator action is recorded with who and when.
 */
@Component
class FaceApplications {

  static final String KEY_PREFIX = "sfa_";

  /** A key just created: its id and the secret, which is shown once and never again. */
  record IssuedKey(UUID id, String secret) {}

  private final FaceApplicationRepository applications;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  FaceApplications(FaceApplicationRepository applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<ApplicationRow> applications() {
    return applications.findAll();
  }

  @Transactional(readOnly = true)
  ApplicationRow application(UUID id) {
    return applications.findById(id).orElseThrow(() -> new ApplicationNotFound(id));
  }

  @Transactional(readOnly = true)
  List<KeyRow> keys(UUID application) {
    return applications.keysOf(application);
  }

  @Transactional(readOnly = true)
  List<ActionRow> actions(UUID application) {
    return applications.actionsOf(application);
  }

  /**
   * Creates an enabled application without keys.
   *
   * @throws ApplicationNameTaken when another application has this name (case-insensitive)
   */
  @Transactional
  UUID createApplication(String name, AccountId admin) {
    if (applications.nameExists(name.strip())) {
      throw new ApplicationNameTaken(name.strip());
    }
    UUID id = UUID.randomUUID();
    try {
      applications.insertApplication(id, name.strip(), clock.instant(), admin.value());
    } catch (DuplicateKeyException raced) { // a concurrent create of the same name committed first
      throw new ApplicationNameTaken(name.strip());
    }
    applications.insertAction(id, null, "APPLICATION_CREATED", admin.value(), clock.instant());
    return id;
  }

  /** Disables an application: its keys stop working at once, its subjects stay. */
  @Transactional
  void disable(UUID application, AccountId admin) {
    if (application(application).enabled()) {
      applications.setEnabled(application, false);
      applications.insertAction(application, null, "APPLICATION_DISABLED", admin.value(), clock.instant());
    }
  }

  @Transactional
  void enable(UUID application, AccountId admin) {
    if (!application(application).enabled()) {
      applications.setEnabled(application, true);
      applications.insertAction(application, null, "APPLICATION_ENABLED", admin.value(), clock.instant());
    }
  }

  /** Creates a key with the given scopes; the returned secret is not stored and cannot be shown again. */
  @Transactional
  IssuedKey createKey(UUID application, String name, Set<FaceApiScope> scopes, AccountId admin) {
    application(application);
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    UUID id = UUID.randomUUID();
    applications.insertKey(id, application, name.strip(), secret.substring(0, KEY_PREFIX.length() + 6),
        sha256(secret), scopes, clock.instant(), admin.value());
    applications.insertAction(application, id, "KEY_CREATED", admin.value(), clock.instant());
    return new IssuedKey(id, secret);
  }

  /** Revokes a key; requests with it are refused from now on. Revoking a revoked key changes nothing. */
  @Transactional
  void revokeKey(UUID application, UUID key, AccountId admin) {
    application(application);
    if (applications.revokeKey(application, key, clock.instant(), admin.value())) {
      applications.insertAction(application, key, "KEY_REVOKED", admin.value(), clock.instant());
    }
  }

  /** The caller a presented key stands for; empty when it is unknown, revoked or its application is disabled. */
  @Transactional(readOnly = true)
  Optional<ApiCaller> authenticate(String presentedKey) {
    if (!presentedKey.startsWith(KEY_PREFIX) || presentedKey.length() > 100) {
      return Optional.empty();
    }
    return applications.findActiveCaller(sha256(presentedKey));
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
