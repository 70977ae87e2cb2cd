package sightline.identity.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sightline.identity.AccountId;
import sightline.identity.code.OneTimeCode.Check;
import sightline.identity.delivery.Channel;
import sightline.identity.directory.Secrets;

/** The code rules with explicit instants: 5 minutes, single use, 5 tries. */
class OneTimeCodeTests {

  private static final Instant SENT = Instant.parse("2026-11-22T06:00:00Z");

  private static OneTimeCode code(String digits) {
    return new OneTimeCode(Channel.EMAIL, "someone@example.org", AccountId.random(), digits, SENT);
  }

  @Test
  void acceptsTheRightCodeUntilFiveMinutesHavePassed() {
    assertThat(code("123456").check("123456", SENT.plusSeconds(299))).isEqualTo(Check.ACCEPTED);
    assertThat(code("123456").check("123456", SENT.plusSeconds(300))).isEqualTo(Check.EXPIRED);
  }

  @Test
  void worksOnlyOnce() {
    OneTimeCode code = code("123456");
    assertThat(code.check("123456", SENT.plusSeconds(10))).isEqualTo(Check.ACCEPTED);
    assertThat(code.check("123456", SENT.plusSeconds(20))).isEqualTo(Check.USED);
  }

  @Test
  void refusesEvenTheRightCodeAfterFiveWrongGuesses() {
    OneTimeCode code = code("123456");
    for (int i = 0; i < OneTimeCode.MAX_TRIES; i++) {
      assertThat(code.check("00000" + i, SENT.plusSeconds(i))).isEqualTo(Check.WRONG);
    }
    assertThat(code.check("123456", SENT.plusSeconds(10))).isEqualTo(Check.TOO_MANY_TRIES);
    assertThat(code.tries()).isEqualTo(5);
  }

  @Test
  void theFifthGuessMayStillBeRight() {
    OneTimeCode code = code("654321");
    for (int i = 0; i < OneTimeCode.MAX_TRIES - 1; i++) {
      code.check("111111", SENT);
    }
    assertThat(code.check(" 654321 ", SENT)).isEqualTo(Check.ACCEPTED);
  }

  @Test
  void aSupersededCodeNoLongerWorks() {
    OneTimeCode code = code("123456");
    code.supersede(SENT.plusSeconds(5));
    assertThat(code.check("123456", SENT.plusSeconds(6))).isEqualTo(Check.USED);
  }

  @Test
  void generatedCodesAreSixDigits() {
    for (int i = 0; i < 200; i++) {
      assertThat(Secrets.sixDigitCode()).matches("[0-9]{6}");
    }
  }
}
