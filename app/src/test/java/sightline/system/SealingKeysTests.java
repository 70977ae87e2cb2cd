package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SealingKeysTests {

  private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII));

  @TempDir
  Path temp;

  private SealingKeys ring(String key, List<String> previous, MockEnvironment environment) {
    return new SealingKeys(new SealingKeys.Source("test secrets", "test.key", "TEST_KEY", "test.previous-keys", key,
        previous, temp.resolve("data/test.key")), environment);
  }

  @Test
  void aRotatedKeyStillOpensWhatItSealedAndNewValuesUseTheNewKey() {
    SealingKeys.Sealed old = ring(OLD, List.of(), new MockEnvironment()).seal(new byte[] {1, 2, 3}, "account:a");
    SealingKeys rotated = ring(NEW, List.of(OLD), new MockEnvironment());
    assertThat(rotated.open(old, "account:a")).containsExactly(1, 2, 3);
    assertThat(rotated.seal(new byte[] {4}, "account:a").keyId()).isEqualTo(rotated.currentKeyId())
        .isNotEqualTo(old.keyId());
    assertThatThrownBy(() -> ring(NEW, List.of(), new MockEnvironment()).open(old, "account:a"))
        .hasMessageContaining("not configured").hasMessageContaining("test.previous-keys");
  }

  @Test
  void aValueMovedToAnotherOwnerOrAlteredDoesNotOpen() {
    SealingKeys keys = ring(NEW, List.of(), new MockEnvironment());
    SealingKeys.Sealed sealed = keys.seal(new byte[] {9, 9}, "account:a");
    assertThat(sealed.bytes()).hasSize(12 + 2 + 16);
    assertThatThrownBy(() -> keys.open(sealed, "account:b")).hasMessageContaining("altered or moved");
    byte[] altered = sealed.bytes().clone();
    altered[13] ^= 1;
    assertThatThrownBy(() -> keys.open(new SealingKeys.Sealed(sealed.keyId(), altered), "account:a"))
        .hasMessageContaining("altered or moved");
  }

  @Test
  void theEmbeddedDefaultGeneratesAKeyOnceAndProductionRefusesToStartWithoutOne() throws Exception {
    SealingKeys first = ring("", List.of(), new MockEnvironment());
    assertThat(Files.readString(temp.resolve("data/test.key")).strip()).hasSize(44);
    assertThat(ring("", List.of(), new MockEnvironment()).currentKeyId()).isEqualTo(first.currentKeyId());
    var production = new MockEnvironment();
    production.setActiveProfiles("postgres");
    assertThatThrownBy(() -> ring("", List.of(), production)).hasMessageContaining("set test.key (TEST_KEY)");
    assertThatThrownBy(() -> ring("c2hvcnQ=", List.of(), new MockEnvironment())).hasMessageContaining("32 bytes");
  }
}
