package sightline.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelManifestTests {

  @Test
  void bundledManifestPinsEveryFaceModelToTheFacepluginPackage() {
    var manifest = ModelManifest.bundled();
    for (String name : new String[] {"fr_detect", "fr_landmark", "fr_feature", "fr_liveness", "fr_pose", "fr_eye"}) {
      assertThat(manifest.get(name).npmPackage()).isEqualTo("faceplugin-face-recognition-js@0.0.1");
    }
    assertThat(manifest.get("sample1").npmPackage()).isEqualTo("@vladmandic/face-api@1.7.15");
  }

  @Test
  void miniFasNetIsBundledWithItsLicenceAndNotice() {
    var manifest = ModelManifest.bundled();
    for (String name : new String[] {"minifasnet_v2", "minifasnet_v1se"}) {
      ModelFile file = manifest.get(name);
      assertThat(file.bundled()).isTrue();
      assertThat(ModelManifestTests.class.getResource(ModelFile.BUNDLED_RESOURCES + file.pathInPackage())).isNotNull();
    }
    assertThat(ModelManifestTests.class.getResource(ModelFile.BUNDLED_RESOURCES + "minifasnet/LICENSE-Apache-2.0.txt"))
        .isNotNull();
    assertThat(ModelManifestTests.class.getResource(ModelFile.BUNDLED_RESOURCES + "minifasnet/NOTICE")).isNotNull();
  }

  @Test
  void parsesColumnsAndKeepsThePurposeWhole() {
    var manifest = ModelManifest.parse("""
        # comment
        m1  pkg@1.0.0  package/m1.onnx  %s  what it is for, in words
        """.formatted("ab".repeat(32)));
    ModelFile file = manifest.get("m1");
    assertThat(file.purpose()).isEqualTo("what it is for, in words");
    assertThat(file.relativeCachePath()).isEqualTo("pkg@1.0.0/m1.onnx");
  }

  @Test
  void scopedPackagesGetAFlatCacheFolder() {
    var file = new ModelFile("s", "@scope/name@1.2.3", "package/demo/a.jpg", "00".repeat(32), "x");
    assertThat(file.relativeCachePath()).isEqualTo("@scope+name@1.2.3/demo/a.jpg");
  }

  @Test
  void bundledFilesLiveUnderTheirOwnCacheFolderAndMustStayInsideIt() {
    String sha = "00".repeat(32);
    var file = new ModelFile("b", "bundled", "minifasnet/v2.onnx", sha, "x");
    assertThat(file.bundled()).isTrue();
    assertThat(file.relativeCachePath()).isEqualTo("bundled/minifasnet/v2.onnx");
    assertThatThrownBy(() -> new ModelFile("b", "bundled", "../secret", sha, "x")).hasMessageContaining("relative");
    assertThatThrownBy(() -> new ModelFile("b", "bundled", "/etc/passwd", sha, "x")).hasMessageContaining("relative");
  }

  @Test
  void refusesUnpinnedVersionsPathsOutsideThePackageAndBadChecksums() {
    String sha = "00".repeat(32);
    assertThatThrownBy(() -> new ModelFile("m", "pkg@latest", "package/m", sha, "x"))
        .hasMessageContaining("exact-version");
    assertThatThrownBy(() -> new ModelFile("m", "pkg@1.0.0", "package/../../etc/passwd", sha, "x"))
        .hasMessageContaining("inside the package");
    assertThatThrownBy(() -> new ModelFile("m", "pkg@1.0.0", "package/m", "xyz", "x"))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> ModelManifest.parse("m pkg@1.0.0 package/m"))
        .hasMessageContaining("line 1 needs 5 columns");
  }

  @Test
  void unknownNamesAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> ModelManifest.bundled().get("fr_nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fr_detect");
  }
}
