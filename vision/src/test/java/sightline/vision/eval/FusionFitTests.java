package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusionFitTests {

  @Test
  void findsTheModelThatSeparatesAndIgnoresTheOneThatDoesNot() {
    var random = new Random(1);
    var examples = new ArrayList<FusionFit.Example>();
    for (int i = 0; i < 400; i++) {
      boolean live = i % 2 == 0;
      double informative = (live ? 2 : -2) + random.nextGaussian();
      double noise = 3 * random.nextGaussian();
      examples.add(new FusionFit.Example("s", live, new double[] {informative, noise, noise}));
    }
    FusionFit.Coefficients c = FusionFit.fit(examples);
    assertThat(c.frLiveness()).isGreaterThan(2);
    assertThat(Math.abs(c.miniFasNetV2()) + Math.abs(c.miniFasNetV1se())).isLessThan(0.3);
    assertThat(Math.abs(c.bias())).isLessThan(0.5);
  }

  @Test
  void everySourceWeighsTheSameHoweverManyFramesItHas() {
    // 1000 live frames of one camera at log-odds 1 and 10 attack frames at -1, against 10 live frames at 3 of another:
    // balanced, the intercept sits between the classes instead of calling everything live.
    var examples = new ArrayList<FusionFit.Example>();
    for (int i = 0; i < 1000; i++) examples.add(new FusionFit.Example("big", true, new double[] {1, 0, 0}));
    for (int i = 0; i < 10; i++) examples.add(new FusionFit.Example("small", true, new double[] {3, 0, 0}));
    for (int i = 0; i < 10; i++) examples.add(new FusionFit.Example("attacks", false, new double[] {-1, 0, 0}));
    FusionFit.Coefficients c = FusionFit.fit(examples);
    double attack = c.bias() - c.frLiveness();
    assertThat(attack).as("the attacks' log-odds of being live").isNegative();
    assertThatThrownBy(() -> FusionFit.fit(List.of(new FusionFit.Example("a", true, new double[3]))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
