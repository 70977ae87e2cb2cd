package sightline.biometrics.liveness;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sightline.identity.AccountId;

/**
 * Failed liveness sessions, counted so that failing cannot lock out bystanders (the principle of the password
 * lockout): per person, the session's subject or, for a sign-in, the identifier it claims (an e-mail, known or not,
 * so a refusal never tells whether an account exists): {@code max-failures} (5) within {@code failure-window} (3
 * minutes), then {@code lockout} (30 minutes) for that person only; and per client address only a ceiling far above
 * one person's use, {@code address-failure-ceiling} (100) failed sessions within {@code address-failure-window} (10
 * minutes), past which starts from the address wait until the oldest failure leaves the window, with no lockout
 * beyond it. A school's NAT holds a whole school: 100 failures in 10 minutes is twenty people each reaching their own
 * lockout, while a morning's face sign-ins of a few hundred people fail a few dozen times. Thread-safe.
 */
@Component
class FailureLimits {

  private final FailedSessionLimit perPerson;
  private final FailedSessionLimit perAddress;

  FailureLimits(LivenessRules rules,
      @Value("${sightline.biometrics.liveness.address-failure-ceiling:100}") int addressCeiling,
      @Value("${sightline.biometrics.liveness.address-failure-window:10m}") Duration addressWindow) {
    if (addressCeiling < 1 || !addressWindow.isPositive()) {
      throw new IllegalArgumentException("sightline.biometrics.liveness.address-failure-ceiling and -window must be "
          + "positive");
    }
    this.perPerson = new FailedSessionLimit(rules.maxFailures(), rules.failureWindow(), rules.lockout());
    this.perAddress = new FailedSessionLimit(addressCeiling, addressWindow, Duration.ZERO);
  }

  /** How long a session for {@code subject} or {@code claim} from {@code address} must still wait; zero if none. */
  Duration waitFor(@Nullable AccountId subject, @Nullable String claim, String address, Instant now) {
    Duration wait = perAddress.waitFor(address, now);
    for (String person : persons(subject, claim)) {
      Duration personal = perPerson.waitFor(person, now);
      wait = personal.compareTo(wait) > 0 ? personal : wait;
    }
    return wait;
  }

  /** Counts a failed session against its person and its address. */
  void recordFailure(@Nullable AccountId subject, @Nullable String claim, String address, Instant at) {
    perAddress.recordFailure(address, at);
    for (String person : persons(subject, claim)) {
      perPerson.recordFailure(person, at);
    }
  }

  /** Failed sessions from {@code address} that count toward its ceiling now (for tests). */
  int addressFailures(String address, Instant now) {
    return perAddress.recentFailures(address, now);
  }

  private static java.util.List<String> persons(@Nullable AccountId subject, @Nullable String claim) {
    var persons = new java.util.ArrayList<String>(2);
    if (subject != null) {
      persons.add("subject:" + subject);
    }
    if (claim != null) {
      persons.add("claim:" + claim);
    }
    return persons;
  }
}
