package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sightline.vision.face.FaceQuality;

class QualityLimitsTests {

  private final QualityLimits limits = new QualityLimits(60, 0.2, 0.85, 25, 0.4);

  @Test
  void aGoodFaceHasNoProblem() {
    assertThat(limits.problems(new FaceQuality(150, 300, 0.45, 0.2, 0.5))).isEmpty();
  }

  @Test
  void eachLimitNamesItsProblem() {
    assertThat(limits.problems(new FaceQuality(40, 300, 0.45, 0.2, 0.5))).containsExactly(QualityProblem.TOO_FAR);
    assertThat(limits.problems(new FaceQuality(150, 300, 0.1, 0.2, 0.1))).containsExactly(QualityProblem.TOO_DARK);
    assertThat(limits.problems(new FaceQuality(150, 300, 0.3, 0.2, 0.9))).containsExactly(QualityProblem.BACKLIT);
    assertThat(limits.problems(new FaceQuality(150, 300, 0.95, 0.2, 0.9))).containsExactly(QualityProblem.TOO_BRIGHT);
    assertThat(limits.problems(new FaceQuality(150, 10, 0.45, 0.2, 0.5))).containsExactly(QualityProblem.BLURRED);
  }

  @Test
  void problemsComeInTheOrderAPersonShouldActOnThem() {
    assertThat(limits.problems(new FaceQuality(30, 5, 0.1, 0.2, 0.8)))
        .containsExactly(QualityProblem.TOO_FAR, QualityProblem.TOO_DARK, QualityProblem.BACKLIT, QualityProblem.BLURRED);
  }

  @Test
  void unknownSurroundingsAreNotBacklight() {
    var withoutSurroundings = new FaceQuality(150, 300, 0.3, 0.2);
    assertThat(withoutSurroundings.backlight()).isNaN();
    assertThat(limits.problems(withoutSurroundings)).isEmpty();
  }

  @Test
  void refusesInconsistentLimits() {
    assertThatThrownBy(() -> new QualityLimits(60, 0.9, 0.5, 25, 0.4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QualityLimits(60, 0.2, 0.8, 25, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
