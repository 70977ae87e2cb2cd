package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sightline.vision.face.FaceLandmarks;

class MeanFaceTests {

  @Test
  void theShippedFaceIsSymmetricWithTheNoseForwardAndUnitEyeCorners() {
    double[][] p = MeanFace.standard().points();
    assertThat(Math.hypot(p[36][0] - p[45][0], p[36][1] - p[45][1])).isCloseTo(1, within(1e-3));
    for (int i = 0; i < 68; i++) {
      int m = MeanFace.MIRROR[i];
      assertThat(p[i][0]).isCloseTo(-p[m][0], within(1e-3));
      assertThat(p[i][2]).isCloseTo(p[m][2], within(1e-3));
    }
    assertThat(p[30][2]).as("nose tip in front of the eye corners").isGreaterThan(p[36][2] + 0.3);
    assertThat(p[0][2]).as("the jaw line at the ears far behind").isLessThan(p[36][2] - 0.5);
    assertThat(p[8][1]).as("chin below the nose").isGreaterThan(p[30][1]);
  }

  @Test
  void derivingFromProjectionsOfAShapeRecoversThatShape() {
    double[][] truth = SyntheticLandmarks.person();
    var random = new Random(3);
    var faces = new ArrayList<FaceLandmarks>();
    for (int i = 0; i < 300; i++) {
      faces.add(SyntheticLandmarks.head(truth, 40 * (random.nextDouble() - 0.5), 30 * (random.nextDouble() - 0.5), 0.5,
          random));
    }
    double[][] derived = MeanFace.derive(faces).points();
    double[][] expected = MeanFace.derive(faces).points();   // deterministic
    assertThat(derived).isDeepEqualTo(expected);
    // The same shape up to the unit (eye corners) and a little perspective: depths correlate almost perfectly.
    double eyes = Math.hypot(truth[36][0] - truth[45][0], truth[36][1] - truth[45][1]);
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < 68; i++) {
      double a = truth[i][2] / eyes, b = derived[i][2];
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    double n = 68, r = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    assertThat(r).isGreaterThan(0.97);
  }
}
