package sightline.identity.tokens;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign and verify access tokens. The newest key signs; once it is older than
 * {@link TokenSettings#keyRotation()} the next signature creates a new one. An older key keeps verifying until every
 * token it can have signed has expired (its successor's creation + access-token lifetime + clock skew) and is then
 * deleted. Keys live in {@code identity.signing_key} so tokens survive a restart, and in memory for each request:
 * Sightline runs as one server (like {@code RateLimits}), so this instance is the only writer. Thread-safe.
 */
@Component
class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final SigningKeyRepository keys;
  private final TokenSettings settings;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  /** Newest first; replaced, never mutated. Null until first used. */
  private volatile List<SigningKey> known;

  SigningKeys(SigningKeyRepository keys, TokenSettings settings, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    // A new key commits on its own, before the memory copy changes: a caller's later rollback (e.g. a refused
    // refresh) must not leave this server signing with a key the database forgot.
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The key to sign with now; creates one when there is none or the newest has reached the rotation age. */
  ECKey signingKey() {
    Instant now = clock.instant();
    List<SigningKey> current = known();
    if (current.isEmpty() || !current.getFirst().createdAt().plus(settings.keyRotation()).isAfter(now)) {
      current = rotate();
    }
    return current.getFirst().privateKey();
  }

  /** Public halves of every key a still-valid token can carry in its {@code kid}. */
  List<JWK> verificationKeys() {
    return trusted(known(), clock.instant()).stream().map(key -> (JWK) key.privateKey().toPublicJWK()).toList();
  }

  /** Starts signing with a new key now, and deletes keys that no valid token can refer to any more. */
  synchronized List<SigningKey> rotate() {
    Instant now = clock.instant();
    List<SigningKey> all = ownTransaction.execute(tx -> {
      keys.save(SigningKey.generate(now));
      return keys.findAllByOrderByCreatedAtDesc();
    });
    List<SigningKey> trusted = trusted(all, now);
    List<SigningKey> expired = all.stream().filter(key -> !trusted.contains(key)).toList();
    ownTransaction.executeWithoutResult(tx -> keys.deleteAll(expired));
    log.info("Access tokens are now signed with key {}; {} older key(s) still verify, {} deleted",
        trusted.getFirst().kid(), trusted.size() - 1, expired.size());
    known = List.copyOf(trusted);
    return known;
  }

  private List<SigningKey> known() {
    List<SigningKey> current = known;
    if (current == null) {
      synchronized (this) {
        if (known == null) {
          known = List.copyOf(keys.findAllByOrderByCreatedAtDesc());
        }
        current = known;
      }
    }
    return current;
  }

  /**
   * The newest key, and each older key whose successor appeared so recently that a token it signed just before
   * could still be unexpired. {@code newestFirst} is ordered by creation, newest first.
   */
  private List<SigningKey> trusted(List<SigningKey> newestFirst, Instant now) {
    List<SigningKey> trusted = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      if (i == 0 || newestFirst.get(i - 1).createdAt().plus(settings.accessTokenLifetime())
          .plus(TokenSettings.CLOCK_SKEW).isAfter(now)) {
        trusted.add(newestFirst.get(i));
      }
    }
    return trusted;
  }
}
