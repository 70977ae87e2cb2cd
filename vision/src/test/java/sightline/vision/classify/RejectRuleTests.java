package sightline.vision.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sightline.vision.classify.RejectRule.Reason;

class RejectRuleTests {

  static Classifications ranked(float... probabilities) {
    String[] labels = {"leaf", "rust", "background"};
    var list = new java.util.ArrayList<Classification>();
    for (int i = 0; i < probabilities.length; i++) {
      list.add(new Classification(labels[i], i, probabilities[i]));
    }
    list.sort(Classifications.ORDER);
    return new Classifications(list);
  }

  final RejectRule rule = new RejectRule(Set.of("background"), 0.5f, 0.2f);

  @Test
  void aConfidentLeadingAnswerIsAccepted() {
    assertThat(rule.reasonToReject(ranked(0.7f, 0.2f, 0.1f))).isEmpty();
    assertThat(rule.accepts(ranked(0.5f, 0.25f, 0.25f))).as("exactly at the minimum probability").isTrue();
  }

  @Test
  void theRejectClassWinsOverEverything() {
    assertThat(rule.reasonToReject(ranked(0.05f, 0.05f, 0.9f))).contains(Reason.REJECT_CLASS);
  }

  @Test
  void lowProbabilityIsCheckedBeforeTheMargin() {
    assertThat(rule.reasonToReject(ranked(0.45f, 0.1f, 0.45f - 1e-6f))).contains(Reason.LOW_PROBABILITY);
    assertThat(rule.reasonToReject(ranked(0.55f, 0.4f, 0.05f))).contains(Reason.LOW_MARGIN);
  }

  @Test
  void worksOnTheTopTwoAndOnASingleClass() {
    assertThat(rule.accepts(ranked(0.7f, 0.2f, 0.1f).topK(2))).isTrue();
    assertThat(rule.accepts(new Classifications(List.of(new Classification("leaf", 0, 0.6f))))).isTrue();
    assertThat(rule.reasonToReject(new Classifications(List.of()))).contains(Reason.LOW_PROBABILITY);
  }

  @Test
  void noneAcceptsAnything() {
    assertThat(RejectRule.none().accepts(ranked(0.34f, 0.33f, 0.33f))).isTrue();
  }
}
