package sightline.biometrics.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Reason;
import sightline.biometrics.matching.DecisionRules.Candidate;
import sightline.identity.AccountId;

/** How scores become decisions: threshold, liveness first, no forced best match, ambiguity. */
class DecisionRulesTests {

  private static final double T = 0.34;
  private static final double L = 0.9;
  private final AccountId ana = AccountId.random();
  private final AccountId ben = AccountId.random();

  @Test
  void verificationMatchesAtTheThresholdAndNotBelow() {
    var atThreshold = DecisionRules.verify(ana, 0.34, 0.95, true, T, L);
    assertThat(atThreshold.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(atThreshold.matched()).isEqualTo(ana);
    assertThat(atThreshold.reasons()).containsExactly(Reason.LIVENESS_PASSED, Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD);

    var below = DecisionRules.verify(ana, 0.3399, 0.95, true, T, L);
    assertThat(below.outcome()).isEqualTo(Outcome.NO_MATCH);
    assertThat(below.matched()).isNull();
    assertThat(below.reasons()).contains(Reason.SIMILARITY_BELOW_THRESHOLD);
  }

  @Test
  void aSpoofNeverMatchesHoweverSimilar() {
    var spoof = DecisionRules.verify(ana, 0.9, 0.5, true, T, L);
    assertThat(spoof.outcome()).isEqualTo(Outcome.NOT_LIVE);
    assertThat(spoof.matched()).isNull();
    assertThat(spoof.reasons()).containsExactly(Reason.LIVENESS_BELOW_THRESHOLD, Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD);
    assertThat(DecisionRules.identify(List.of(new Candidate(ana, 0.9)), 0.5, true, T, L).outcome())
        .isEqualTo(Outcome.NOT_LIVE);
  }

  @Test
  void aPhotoCheckReportsButDoesNotRequireLiveness() {
    var photo = DecisionRules.verify(ana, 0.6, 0.1, false, T, L);
    assertThat(photo.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(photo.reasons()).contains(Reason.LIVENESS_NOT_REQUIRED);
  }

  @Test
  void withoutTemplatesThePersonIsNotEnrolled() {
    assertThat(DecisionRules.verify(ana, null, 0.99, true, T, L).outcome()).isEqualTo(Outcome.NOT_ENROLLED);
    assertThat(DecisionRules.identify(List.of(), 0.99, true, T, L).outcome()).isEqualTo(Outcome.NOT_ENROLLED);
  }

  @Test
  void identificationBelowTheThresholdIsUnknownNotABestGuess() {
    var unknown = DecisionRules.identify(List.of(new Candidate(ana, 0.33), new Candidate(ben, 0.2)), 0.99, true, T, L);
    assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.matched()).isNull();
  }

  @Test
  void identificationMatchesTheBestUnlessTheRunnerUpIsTooClose() {
    var clear = DecisionRules.identify(List.of(new Candidate(ana, 0.62), new Candidate(ben, 0.36)), 0.99, true, T, L);
    assertThat(clear.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(clear.matched()).isEqualTo(ana);

    var close = DecisionRules.identify(List.of(new Candidate(ana, 0.40), new Candidate(ben, 0.37)), 0.99, true, T, L);
    assertThat(close.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(close.matched()).isNull();
    assertThat(close.reasons()).contains(Reason.RUNNER_UP_TOO_CLOSE);

    // A close runner-up below the threshold is no rival.
    var rivalBelow = DecisionRules.identify(List.of(new Candidate(ana, 0.36), new Candidate(ben, 0.33)), 0.99, true, T, L);
    assertThat(rivalBelow.outcome()).isEqualTo(Outcome.MATCH);
  }
}
