package sightline.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sightline.identity.AccountStatus;
import sightline.identity.Role;

class AccountTests {

  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 0);

  private static Account account() {
    return new Account(" Ana@Example.org ", "Ana", Set.of(Role.STUDENT), null, T0);
  }

  @Test
  void emailIsUniqueWithoutRegardToCase() {
    assertThat(account().email()).isEqualTo("Ana@Example.org");
    assertThat(Account.emailKey(" Ana@Example.org ")).isEqualTo("ana@example.org");
  }

  @Test
  void locksAfterTheConfiguredFailuresAndUnlocksWhenTheWaitIsOver() {
    Account account = account();
    account.recordFailedSignIn(T0, policy);
    account.recordFailedSignIn(T0, policy);
    assertThat(account.isLockedAt(T0)).isFalse();
    account.recordFailedSignIn(T0, policy);
    assertThat(account.isLockedAt(T0)).isTrue();
    assertThat(account.isLockedAt(T0.plusSeconds(59))).isTrue();
    assertThat(account.isLockedAt(T0.plusSeconds(60))).isFalse();
  }

  @Test
  void eachFurtherLockoutWaitsTwiceAsLongUpToTheMaximum() {
    assertThat(policy.waitFor(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.waitFor(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.waitFor(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(policy.waitFor(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.waitFor(40)).isEqualTo(Duration.ofMinutes(5));

    Account account = account();
    for (int i = 0; i < 6; i++) {
      account.recordFailedSignIn(T0, policy);
    }
    assertThat(account.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void aSuccessfulSignInForgetsEarlierFailures() {
    Account account = account();
    account.recordFailedSignIn(T0, policy);
    account.recordFailedSignIn(T0, policy);
    account.recordSuccessfulSignIn(T0);
    account.recordFailedSignIn(T0, policy);
    assertThat(account.isLockedAt(T0)).isFalse();
    assertThat(account.lastSignInAt()).isEqualTo(T0);
  }

  @Test
  void permanentLockoutNeedsAnAdministrator() {
    var strict = new LockoutPolicy(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 2);
    Account account = account();
    account.recordFailedSignIn(T0, strict);
    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    account.recordFailedSignIn(T0.plusSeconds(120), strict);
    assertThat(account.status()).isEqualTo(AccountStatus.LOCKED);
    assertThat(account.isLockedAt(T0.plus(Duration.ofDays(365)))).isTrue();
    account.unlock();
    assertThat(account.isLockedAt(T0.plusSeconds(121))).isFalse();
  }

  @Test
  void refusesAnAccountWithoutRolesAndABrokenPolicy() {
    assertThatThrownBy(() -> new Account("a@b.c", "A", Set.of(), null, T0)).hasMessageContaining("role");
    assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
