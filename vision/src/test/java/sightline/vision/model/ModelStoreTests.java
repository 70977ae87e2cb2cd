package sightline.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on the cache the build filled (the build fetches the models before tests run). */
class ModelStoreTests {

  @TempDir
  Path temp;

  @Test
  void theBuildLeftEveryManifestFileVerifiedInTheDefaultStore() {
    var checks = ModelStore.atDefaultLocation().checkAll();
    assertThat(checks).isNotEmpty().allSatisfy(check -> assertThat(check.problem()).isNull());
  }

  @Test
  void aDamagedModelIsRefusedWithOneClearSentence() throws IOException {
    var bundled = ModelStore.atDefaultLocation();
    var store = new ModelStore(temp, bundled.manifest());
    ModelFile eye = bundled.manifest().get("fr_eye");
    Path copy = store.pathOf(eye);
    Files.createDirectories(copy.getParent());
    byte[] bytes = Files.readAllBytes(bundled.verifiedPath("fr_eye"));
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(copy, bytes);

    assertThat(store.check(eye).ok()).isFalse();
    assertThatThrownBy(() -> store.verifiedPath("fr_eye"))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageStartingWith("Model file fr_eye at " + copy + " is damaged")
        .hasMessageContaining("expected " + eye.sha256())
        .hasMessageEndingWith("run ./sightline fetch-models (it needs npm) and start again.");
  }

  @Test
  void requireAllNamesTheFirstMissingFileAndCountsTheRest() {
    var store = new ModelStore(temp, ModelManifest.bundled());
    int files = store.manifest().files().size();
    assertThatThrownBy(store::requireAll)
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("Model file fr_detect is missing")
        .hasMessageContaining("(and " + (files - 1) + " more)");
    assertThat(ModelStore.atDefaultLocation().requireAll()).hasSize(files);
  }

  @Test
  void aMissingModelIsRefusedWithWhereItWasExpected() {
    var store = new ModelStore(temp, ModelManifest.bundled());
    assertThatThrownBy(() -> store.verifiedPath("fr_detect"))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("Model file fr_detect is missing from " + temp);
  }
}
