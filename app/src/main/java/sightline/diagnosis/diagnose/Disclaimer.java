package sightline.diagnosis.diagnose;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountId;

/** Who has confirmed reading the disclaimer: it is put before the upload form once, then only linked. */
@Component
class Disclaimer {

  private final DisclaimerSeenRepository seen;
  private final Clock clock;

  Disclaimer(DisclaimerSeenRepository seen, Clock clock) {
    this.seen = seen;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  boolean seenBy(AccountId account) {
    return seen.existsById(account.value());
  }

  @Transactional
  void confirm(AccountId account) {
    seen.insertIfAbsent(account.value(), clock.instant());
  }
}
