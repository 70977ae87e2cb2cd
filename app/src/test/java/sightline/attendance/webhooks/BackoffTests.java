package sightline.attendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTests {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 15);

  @Test
  void waitsDoubleAfterEachFailureFromTheBase() {
    assertThat(backoff.delayAfter(1)).contains(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(2)).contains(Duration.ofSeconds(20));
    assertThat(backoff.delayAfter(5)).contains(Duration.ofSeconds(160));
    assertThat(backoff.delayAfter(9)).contains(Duration.ofSeconds(2560));
  }

  @Test
  void neverWaitsLongerThanTheCap() {
    assertThat(backoff.delayAfter(10)).contains(Duration.ofHours(1));
    assertThat(backoff.delayAfter(14)).contains(Duration.ofHours(1));
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 1000).delayAfter(500))
        .contains(Duration.ofHours(1));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    assertThat(backoff.delayAfter(15)).isEqualTo(Optional.empty());
    assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).delayAfter(1)).isEmpty();
  }

  @Test
  void theDefaultsTryForAboutSixAndAHalfHours() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < 15; attempt++) {
      total = total.plus(backoff.delayAfter(attempt).orElseThrow());
    }
    assertThat(total).isBetween(Duration.ofHours(6), Duration.ofHours(7));
  }

  @Test
  void refusesANonsensicalBackoff() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
