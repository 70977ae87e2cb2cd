package sightline.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule for how long a retired signing key keeps verifying; the keys themselves are never used here. */
class SigningKeysTests {

  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static final SigningKeys.Known FIRST = known("first", T0);
  private static final SigningKeys.Known SECOND = known("second", T0.plus(Duration.ofDays(7)));
  private static final SigningKeys.Known THIRD = known("third", T0.plus(Duration.ofDays(14)));

  private static SigningKeys.Known known(String kid, Instant createdAt) {
    return new SigningKeys.Known(kid, createdAt, SigningKey.generate(createdAt).privateKey());
  }

  @Test
  void aRetiredKeyVerifiesUntilTheLastTokenItSignedHasExpired() {
    Instant rotated = SECOND.createdAt();
    assertThat(SigningKeys.trusted(List.of(SECOND, FIRST), LIFETIME, rotated.plus(Duration.ofMinutes(15))))
        .containsExactly(SECOND, FIRST);
    assertThat(SigningKeys.trusted(List.of(SECOND, FIRST), LIFETIME,
        rotated.plus(LIFETIME).plus(TokenSettings.CLOCK_SKEW).minusMillis(1))).containsExactly(SECOND, FIRST);
    assertThat(SigningKeys.trusted(List.of(SECOND, FIRST), LIFETIME,
        rotated.plus(LIFETIME).plus(TokenSettings.CLOCK_SKEW))).containsExactly(SECOND);
  }

  @Test
  void theNewestKeyIsAlwaysTrustedAndOlderGenerationsDropOut() {
    assertThat(SigningKeys.trusted(List.of(THIRD, SECOND, FIRST), LIFETIME, THIRD.createdAt().plusSeconds(1)))
        .containsExactly(THIRD, SECOND);
    assertThat(SigningKeys.trusted(List.of(THIRD), LIFETIME, THIRD.createdAt().plus(Duration.ofDays(365))))
        .containsExactly(THIRD);
    assertThat(SigningKeys.trusted(List.of(), LIFETIME, T0)).isEmpty();
  }
}
