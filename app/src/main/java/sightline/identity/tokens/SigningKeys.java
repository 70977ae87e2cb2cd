package sightline.identity.tokens;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

  /** A stored key, parsed once. */
  record Known(String kid, Instant createdAt, ECKey key) {

    static Known of(SigningKey row) {
      return new Known(row.kid(), row.createdAt(), row.privateKey());
    }
  }

  /** Newest first; replaced, never mutated. Null until first used. */
  private volatile @Nullable List<Known> known;

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
    List<Known> current = known();
    if (current.isEmpty() || !current.getFirst().createdAt().plus(settings.keyRotation()).isAfter(now)) {
      current = rotate();
    }
    return current.getFirst().key();
  }

  /** Public halves of every key a still-valid token can carry in its {@code kid}. */
  List<JWK> verificationKeys() {
    return trusted(known(), clock.instant()).stream().map(known -> (JWK) known.key().toPublicJWK()).toList();
  }

  /** Starts signing with a new key now, and deletes keys that no valid token can refer to any more. */
  synchronized List<Known> rotate() {
    Instant now = clock.instant();
    List<Known> all = ownTransaction.execute(tx -> {
      keys.save(SigningKey.generate(now));
      return load();
    });
    List<Known> trusted = trusted(all, now);
    List<String> expired = all.stream().filter(key -> !trusted.contains(key)).map(Known::kid).toList();
    ownTransaction.executeWithoutResult(tx -> keys.deleteAllById(expired));
    log.info("Access tokens are now signed with key {}; {} older key(s) still verify, {} deleted",
        trusted.getFirst().kid(), trusted.size() - 1, expired.size());
    List<Known> current = List.copyOf(trusted);
    known = current;
    return current;
  }

  private List<Known> known() {
    List<Known> current = known;
    if (current == null) {
      synchronized (this) {
        current = known;
        if (current == null) {
          current = load();
          known = current;
        }
      }
    }
    return current;
  }

  private List<Known> load() {
    return keys.findAllByOrderByCreatedAtDesc().stream().map(Known::of).toList();
  }

  private List<Known> trusted(List<Known> newestFirst, Instant now) {
    return trusted(newestFirst, settings.accessTokenLifetime(), now);
  }

  /**
   * The newest key, and each older key whose successor appeared so recently that a token it signed just before
   * could still be unexpired. {@code newestFirst} is ordered by creation, newest first.
   */
  static List<Known> trusted(List<Known> newestFirst, Duration tokenLifetime, Instant now) {
    List<Known> trusted = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      if (i == 0 || newestFirst.get(i - 1).createdAt().plus(tokenLifetime).plus(TokenSettings.CLOCK_SKEW)
          .isAfter(now)) {
        trusted.add(newestFirst.get(i));
      }
    }
    return trusted;
  }
}
