package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.Point;

class EyeAspectRatioTests {

  @Test
  void isTheLidDistancesOverTwiceTheWidth() {
    // Corners 10 apart; lids 3 and 2 apart: (3 + 2) / (2 * 10).
    var eye = List.of(new Point(0, 0), new Point(3, -1.5), new Point(7, -1), new Point(10, 0), new Point(7, 1),
        new Point(3, 1.5));
    assertThat(EyeAspectRatio.of(eye)).isCloseTo(0.25, within(1e-12));
    var shut = List.of(new Point(0, 0), new Point(3, 0), new Point(7, 0), new Point(10, 0), new Point(7, 0),
        new Point(3, 0));
    assertThat(EyeAspectRatio.of(shut)).isZero();
    var collapsed = List.of(new Point(5, 5), new Point(5, 4), new Point(5, 4), new Point(5, 5), new Point(5, 6),
        new Point(5, 6));
    assertThat(EyeAspectRatio.of(collapsed)).isZero();
    assertThatThrownBy(() -> EyeAspectRatio.of(eye.subList(0, 5))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsBothEyesOfSixtyEightLandmarksWhateverTheTilt() {
    var open = EyeAspectRatio.of(SyntheticFace.face(300, 200, 50, 35, 0.06, 0));
    assertThat(open.left()).isCloseTo(4 * 0.06 / 0.7, within(1e-9));
    assertThat(open.right()).isCloseTo(open.left(), within(1e-9));
    assertThat(open.mean()).isCloseTo(open.left(), within(1e-12));
    assertThat(EyeAspectRatio.of(SyntheticFace.face(300, 200, 50, 0, 0.0, 0)).mean()).isZero();
    assertThatThrownBy(() -> new EyeAspectRatio(-0.1, 0.3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EyeAspectRatio(Double.NaN, 0.3)).isInstanceOf(IllegalArgumentException.class);
  }
}
