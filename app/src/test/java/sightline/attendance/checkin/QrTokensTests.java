package sightline.attendance.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sightline.courses.ClassSessionId;

class QrTokensTests {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

  @TempDir
  Path temp;

  private QrTokens at(Instant now) {
    return new QrTokens(new CheckInKeys(KEY, temp.resolve("unused.key")), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aCodeIsAcceptedDuringItsStepAndTheNextOneOnly() {
    var session = ClassSessionId.random();
    QrTokens.Token shown = at(AT.plusSeconds(3)).current(session);

    assertThat(shown.changesAt()).isEqualTo(AT.plusSeconds(15));
    assertThat(at(AT.plusSeconds(14)).accepts(session, shown.value())).isTrue();
    assertThat(at(AT.plusSeconds(29)).accepts(session, shown.value())).as("scanned just before it changed").isTrue();
    assertThat(at(AT.plusSeconds(30)).accepts(session, shown.value())).isFalse();
    assertThat(at(AT.minusSeconds(1)).accepts(session, shown.value())).as("not before it was shown").isFalse();
  }

  @Test
  void aCodeBelongsToItsSessionAndChangesEveryStep() {
    var session = ClassSessionId.random();
    QrTokens now = at(AT);

    assertThat(now.accepts(ClassSessionId.random(), now.current(session).value())).isFalse();
    assertThat(at(AT.plusSeconds(15)).current(session).value()).isNotEqualTo(now.current(session).value());
    assertThat(now.accepts(session, null)).isFalse();
    assertThat(now.accepts(session, "")).isFalse();
    assertThat(now.accepts(session, "not-a-token")).isFalse();
  }

  @Test
  void deviceHashesAreSaltedAndStable() {
    var keys = new CheckInKeys(KEY, temp.resolve("unused.key"));
    var otherServer = new CheckInKeys(Base64.getEncoder().encodeToString(new byte[31 + 1]).replace('A', 'B'),
        temp.resolve("unused.key"));

    assertThat(keys.deviceHash("device-1")).hasSize(64).isEqualTo(keys.deviceHash("device-1"))
        .isNotEqualTo(keys.deviceHash("device-2")).isNotEqualTo(otherServer.deviceHash("device-1"));
  }
}
