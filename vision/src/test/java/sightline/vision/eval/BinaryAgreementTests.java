package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryAgreementTests {

  private static BinaryAgreement of(boolean[] labels, boolean[] predictions) {
    var a = BinaryAgreement.EMPTY;
    for (int i = 0; i < labels.length; i++) a = a.plus(labels[i], predictions[i]);
    return a;
  }

  @Test
  void countsTheConfusionMatrixAndItsRates() {
    // labels:      1 1 1 0 0 0 0 0 0 0
    // predictions: 1 1 0 1 0 0 0 0 0 0
    boolean t = true, f = false;
    var a = of(new boolean[] {t, t, t, f, f, f, f, f, f, f}, new boolean[] {t, t, f, t, f, f, f, f, f, f});
    assertThat(a).isEqualTo(new BinaryAgreement(2, 1, 1, 6));
    assertThat(a.total()).isEqualTo(10);
    assertThat(a.labelledYes()).isEqualTo(3);
    assertThat(a.accuracy()).isEqualTo(0.8);
    assertThat(a.precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(a.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(a.specificity()).isCloseTo(6 / 7.0, within(1e-12));
    assertThat(a.f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(a.majorityAccuracy()).isEqualTo(0.7);
  }

  @Test
  void undefinedRatesAreNanAndMissingEverythingScoresZeroF1() {
    assertThat(BinaryAgreement.EMPTY.accuracy()).isNaN();
    var neverFlagged = new BinaryAgreement(0, 0, 4, 96);
    assertThat(neverFlagged.precision()).isNaN();
    assertThat(neverFlagged.recall()).isZero();
    assertThat(neverFlagged.f1()).isZero();
    assertThat(neverFlagged.accuracy()).isEqualTo(neverFlagged.majorityAccuracy());
  }

  @Test
  void addsUp() {
    assertThat(new BinaryAgreement(1, 2, 3, 4).plus(new BinaryAgreement(10, 20, 30, 40)))
        .isEqualTo(new BinaryAgreement(11, 22, 33, 44));
  }
}
