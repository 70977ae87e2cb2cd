package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sightline.vision.classify.Classification;
import sightline.vision.classify.Classifications;
import sightline.vision.classify.RejectRule;

class ClassificationStatsTests {

  static final List<String> LABELS = List.of("a", "b", "c", "d", "e", "f", "none");

  /** A result whose classes rank in the given order, the first with probability p and the rest sharing 1 - p. */
  static Classifications ranked(float p, int... order) {
    var list = new ArrayList<Classification>();
    float rest = (1 - p) / (order.length - 1);
    for (int k = 0; k < order.length; k++) {
      list.add(new Classification(LABELS.get(order[k]), order[k], k == 0 ? p : rest * (1 - 0.01f * k)));
    }
    return new Classifications(list);
  }

  @Test
  void countsTopOneTopFiveTheConfusionAndTheRejectRule() {
    var stats = new ClassificationStats(LABELS, new RejectRule(Set.of("none"), 0.5f, 0f));
    stats.add(0, ranked(0.9f, 0, 1, 2, 3, 4, 5, 6));     // right
    stats.add(0, ranked(0.9f, 1, 0, 2, 3, 4, 5, 6));     // second: top-5 only
    stats.add(0, ranked(0.3f, 0, 1, 2, 3, 4, 5, 6));     // right but unsure: rejected
    stats.add(1, ranked(0.9f, 2, 3, 4, 5, 6, 1, 0));     // sixth: wrong in both
    stats.add(6, ranked(0.9f, 6, 0, 1, 2, 3, 4, 5));     // no leaf, rejected by class

    assertThat(stats.images()).isEqualTo(5);
    assertThat(stats.top1()).isCloseTo(3 / 5.0, within(1e-12));
    assertThat(stats.top5()).isCloseTo(4 / 5.0, within(1e-12));
    assertThat(stats.answeredCorrectly(List.of(0, 1))).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(stats.rejected(List.of(0, 1))).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(stats.rejected(List.of(6))).isEqualTo(1.0);
    int[][] confusion = stats.confusion();
    assertThat(confusion[0]).containsExactly(2, 1, 0, 0, 0, 0, 0);
    assertThat(confusion[1]).containsExactly(0, 0, 1, 0, 0, 0, 0);
    var perClass = stats.perClass();
    assertThat(perClass.get(0).top1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(perClass.get(0).top5()).isEqualTo(1.0);
    assertThat(perClass.get(2).top1()).isNaN();
  }
}
