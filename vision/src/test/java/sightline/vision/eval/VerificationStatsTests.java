package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.eval.VerificationStats.Pair;

class VerificationStatsTests {

  /** 10 folds of 10 pairs: genuine scores 0.5–0.9, impostor scores 0.0–0.4, perfectly separable. */
  private static List<Pair> separable() {
    var pairs = new ArrayList<Pair>();
    for (int fold = 1; fold <= 10; fold++) {
      for (int i = 0; i < 5; i++) {
        pairs.add(new Pair(0.5 + i * 0.1, true, fold));
        pairs.add(new Pair(i * 0.1, false, fold));
      }
    }
    return pairs;
  }

  @Test
  void separableScoresGiveFullAccuracyAndZeroEer() {
    var folded = VerificationStats.tenFold(separable());
    assertThat(folded.mean()).isEqualTo(1.0);
    assertThat(folded.std()).isZero();
    assertThat(folded.thresholds()[0]).isBetween(0.4, 0.5);
    assertThat(VerificationStats.equalErrorRate(separable())).isZero();
    var at = VerificationStats.atFar(separable(), 1e-2);
    assertThat(at.tar()).isEqualTo(1.0);
    assertThat(at.far()).isZero();
  }

  @Test
  void aFailedPairIsWrongAtEveryThreshold() {
    var pairs = new ArrayList<>(separable());
    pairs.set(0, new Pair(Double.NaN, true, 1));   // genuine, no face
    pairs.set(1, new Pair(Double.NaN, false, 1));  // impostor, no face
    for (double t : new double[] {-1, 0.45, 2}) {
      assertThat(VerificationStats.correct(pairs.get(0), t)).isFalse();
      assertThat(VerificationStats.correct(pairs.get(1), t)).isFalse();
    }
    assertThat(VerificationStats.tenFold(pairs).mean()).isCloseTo(0.98, within(1e-9));
  }

  @Test
  void aFailedPairIsRejectedInTheRocFiguresAsTheRunningSystemWouldRejectIt() {
    // 3,000 impostor pairs of which 24 lack a face, 3,000 genuine pairs above every impostor.
    var pairs = new ArrayList<Pair>();
    for (int i = 0; i < 3000; i++) {
      pairs.add(new Pair(i < 24 ? Double.NaN : i / 10_000.0, false, 1 + i % 10));
      pairs.add(new Pair(0.5 + i / 10_000.0, true, 1 + i % 10));
    }
    var at = VerificationStats.atFar(pairs, 1e-3);
    assertThat(at.threshold()).isFinite();
    assertThat(at.far()).isLessThanOrEqualTo(1e-3);
    assertThat(at.tar()).isEqualTo(1.0);
    assertThat(VerificationStats.operating(pairs, -1).far()).isCloseTo(2976 / 3000.0, within(1e-9));
    assertThat(VerificationStats.equalErrorRate(pairs)).isZero();
    assertThat(VerificationStats.roc(pairs)).allSatisfy(point -> assertThat(point.far()).isLessThan(1.0));
    // The accuracy still counts them wrong: nobody was recognised.
    assertThat(VerificationStats.tenFold(pairs).mean()).isCloseTo(1 - 24 / 6000.0, within(1e-9));
  }

  @Test
  void thresholdAtFarAllowsAtMostThatShareOfImpostors() {
    var pairs = new ArrayList<Pair>();
    for (int i = 0; i < 1000; i++) pairs.add(new Pair(i / 1000.0, false, 1));
    for (int i = 0; i < 100; i++) pairs.add(new Pair(0.99 - i / 100.0, true, 1));
    var at = VerificationStats.atFar(pairs, 1e-2);
    assertThat(at.far()).isLessThanOrEqualTo(0.01);
    assertThat(at.threshold()).isCloseTo(0.989, within(1e-9));
    assertThat(at.tar()).isCloseTo(0.01, within(1e-9)); // only the 0.99 genuine pair is above 0.989
  }

  @Test
  void bestThresholdMaximisesAccuracy() {
    var pairs = List.of(new Pair(0.1, false, 1), new Pair(0.3, true, 1), new Pair(0.35, false, 1),
        new Pair(0.6, true, 1), new Pair(0.7, true, 1));
    double t = VerificationStats.bestThreshold(pairs);
    assertThat(VerificationStats.accuracy(pairs, t)).isEqualTo(0.8);
  }
}
