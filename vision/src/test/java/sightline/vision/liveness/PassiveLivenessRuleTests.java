package sightline.vision.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.Liveness;
import sightline.vision.face.MiniFasNetLiveness;

class PassiveLivenessRuleTests {

  private final PassiveLivenessRule rule = new PassiveLivenessRule(-0.5, 0.6, 0.1, 0.3, 0.7, 0.3);

  @Test
  void fusesTheModelsLogOddsLogistically() {
    // logit(0.9) = 2.197, logit(0.5) = 0, logit(0.2) = -1.386
    double z = -0.5 + 0.6 * Math.log(9) + 0.1 * 0 + 0.3 * Math.log(0.25);
    assertThat(rule.score(0.9, 0.5, 0.2)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
    assertThat(rule.score(0.99, 0.5, 0.5)).isGreaterThan(rule.score(0.9, 0.5, 0.5));
  }

  @Test
  void certainModelsStayFiniteAndBounded() {
    assertThat(PassiveLivenessRule.logOdds(1.0)).isEqualTo(10);
    assertThat(PassiveLivenessRule.logOdds(0.0)).isEqualTo(-10);
    double certain = rule.score(1.0, 0.0, 0.0);
    assertThat(certain).isStrictlyBetween(0.0, 1.0).isEqualTo(rule.score(1 - 1e-12, 1e-12, 1e-12));
    // one model at the clamp, the two others equally sure of the opposite: their weights decide
    assertThat(rule.score(1.0, 0.0, 0.0)).isLessThan(rule.score(1.0, 0.5, 0.5));
    assertThatThrownBy(() -> PassiveLivenessRule.logOdds(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoresAFaceAnalysedWithBothModelsOnly() {
    var box = new BoundingBox(0, 0, 100, 100);
    var both = new DetectedFace(box, 0.9, null, null, null, null, null, Liveness.of(0.9),
        new MiniFasNetLiveness(0.5, 0.2));
    assertThat(rule.score(both)).isCloseTo(rule.score(0.9, 0.5, 0.2), within(1e-12));
    var frOnly = new DetectedFace(box, 0.9, null, null, null, null, null, Liveness.of(0.9));
    assertThatThrownBy(() -> rule.score(frOnly)).hasMessageContaining("MINIFASNET");
    assertThat(new MiniFasNetLiveness(0.5, 0.2).liveScore()).isCloseTo(0.35, within(1e-12));
  }

  @Test
  void motionOfARigidHeadLowersTheThreshold() {
    assertThat(rule.thresholdFor(MotionEvidence.Verdict.THREE_D)).isEqualTo(0.3);
    for (var other : new MotionEvidence.Verdict[] {MotionEvidence.Verdict.TOO_LITTLE_MOTION,
        MotionEvidence.Verdict.PLANAR, MotionEvidence.Verdict.NOT_RIGID}) {
      assertThat(rule.thresholdFor(other)).isEqualTo(0.7);
    }
    assertThat(rule.withThresholds(0.5, 0.5).threshold()).isEqualTo(0.5);
    assertThatThrownBy(() -> rule.withThresholds(0.5, 0.6)).hasMessageContaining("thresholdWithMotion");
    assertThatThrownBy(() -> new PassiveLivenessRule(Double.NaN, 1, 1, 1, 0.5, 0.5)).isInstanceOf(
        IllegalArgumentException.class);
  }

  @Test
  void theShippedRuleIsValid() {
    PassiveLivenessRule defaults = PassiveLivenessRule.defaults();
    assertThat(defaults.thresholdWithMotion()).isLessThanOrEqualTo(defaults.threshold());
    assertThat(defaults.score(0.999, 0.999, 0.999)).isGreaterThan(defaults.threshold());
    assertThat(defaults.score(0.001, 0.001, 0.001)).isLessThan(defaults.thresholdWithMotion());
  }
}
