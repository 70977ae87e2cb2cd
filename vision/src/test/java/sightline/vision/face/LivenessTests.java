package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/**
 * Golden tests of passive liveness on the @vladmandic/face-api demo photos: 22 real faces. Recorded 2026-11-22 at the
 * default threshold 0.9: 16 score above it; four score 0.46–0.86 and move by up to 0.2 when the photo is mirrored;
 * two score under 0.02 either way (sample2 at x≈366, sample6 at x≈675): false rejections of real faces.
 */
@Tag("model")
class LivenessTests {

  private static FaceAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.LIVENESS)));
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  private static Image sample(int i) {
    return ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample" + i));
  }

  @Test
  void judgesMostRealFacesLive() {
    int faces = 0;
    int live = 0;
    for (int i = 1; i <= 6; i++) {
      for (DetectedFace face : analyzer.analyze(sample(i))) {
        Liveness liveness = Objects.requireNonNull(face.liveness());
        assertThat(liveness.threshold()).isEqualTo(Liveness.DEFAULT_THRESHOLD);
        assertThat(liveness.liveScore()).isBetween(0.0, 1.0);
        faces++;
        if (liveness.isLive()) live++;
      }
    }
    assertThat(faces).isEqualTo(22);
    assertThat(live).isGreaterThanOrEqualTo(15);
  }

  @Test
  void clearlyLiveFacesStayLiveWhenMirrored() {
    for (int i : new int[] {1, 4}) {
      Image image = sample(i);
      for (Image variant : List.of(image, image.mirrored())) {
        for (DetectedFace face : analyzer.analyze(variant)) {
          assertThat(Objects.requireNonNull(face.liveness()).liveScore()).as("sample%d", i).isGreaterThan(0.9);
        }
      }
    }
  }

  @Test
  void computesLivenessOnlyWhenAsked() {
    List<DetectedFace> faces = analyzer.analyze(sample(1), Set.of());
    assertThat(faces).isNotEmpty().allSatisfy(face -> assertThat(face.liveness()).isNull());
    try (var detectionOnly = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.detectionOnly())) {
      assertThatThrownBy(() -> detectionOnly.analyze(sample(1), Set.of(FaceAttribute.LIVENESS)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
