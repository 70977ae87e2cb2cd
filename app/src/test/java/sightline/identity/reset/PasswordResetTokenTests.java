package sightline.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sightline.identity.AccountId;
import sightline.identity.directory.Secrets;

/** The reset-link rules with explicit instants: 30 minutes, single use. */
class PasswordResetTokenTests {

  private static final Instant SENT = Instant.parse("2026-11-22T06:00:00Z");

  @Test
  void worksForThirtyMinutes() {
    var token = new PasswordResetToken(AccountId.random(), Secrets.urlToken(), SENT);
    assertThat(token.isUsableAt(SENT.plusSeconds(30 * 60 - 1))).isTrue();
    assertThat(token.isUsableAt(SENT.plusSeconds(30 * 60))).isFalse();
  }

  @Test
  void worksOnlyOnce() {
    var token = new PasswordResetToken(AccountId.random(), Secrets.urlToken(), SENT);
    token.use(SENT.plusSeconds(60));
    assertThat(token.isUsableAt(SENT.plusSeconds(61))).isFalse();
    assertThatIllegalStateException().isThrownBy(() -> token.use(SENT.plusSeconds(62)));
  }

  @Test
  void anExpiredTokenCannotBeUsed() {
    var token = new PasswordResetToken(AccountId.random(), Secrets.urlToken(), SENT);
    assertThatIllegalStateException().isThrownBy(() -> token.use(SENT.plusSeconds(31 * 60)));
  }

  @Test
  void storesOnlyAHashOfAHighEntropyToken() {
    String token = Secrets.urlToken();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(PasswordResetToken.hash(token)).matches("[0-9a-f]{64}").doesNotContain(token);
  }
}
