package sightline.biometrics.matching;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Reason;
import sightline.identity.AccountId;

/**
 * How scores become a decision. Pure functions, unit-tested without a model.
 *
 * <ul>
 *   <li>Liveness is judged first when the purpose requires it: a spoof is {@link Outcome#NOT_LIVE} whatever it
 *       scores (the similarity is still reported).</li>
 *   <li>Verification: the claimed person's best template at or above the threshold is a match.</li>
 *   <li>Identification: the best person at or above the threshold is a match, unless the runner-up is also above the
 *       threshold and within {@link #RUNNER_UP_MARGIN}: then {@link Outcome#AMBIGUOUS}. Below the threshold the
 *       answer is {@link Outcome#UNKNOWN}, never the best guess.</li>
 * </ul>
 */
public final class DecisionRules {

  /**
   * Two people this close above the threshold are not told apart. 0.05 of cosine is about a fifth of the gap
   * between the threshold (0.34) and a typical same-person score on LFW (0.6).
   */
  public static final double RUNNER_UP_MARGIN = 0.05;

  private DecisionRules() {
  }

  /** An outcome, the person matched (for a match), and why. */
  public record Verdict(Outcome outcome, @Nullable AccountId matched, List<Reason> reasons) {
  }

  /** A candidate's best score. */
  public record Candidate(AccountId account, double similarity) {
  }

  public static Verdict verify(AccountId claimed, @Nullable Double similarity, double livenessScore,
      boolean livenessRequired, double threshold, double livenessThreshold) {
    List<Reason> reasons = new ArrayList<>();
    if (similarity == null) {
      reasons.add(Reason.NO_TEMPLATES);
      return new Verdict(Outcome.NOT_ENROLLED, null, reasons);
    }
    if (!livenessPasses(livenessScore, livenessRequired, livenessThreshold, reasons)) {
      reasons.add(similarity >= threshold ? Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD : Reason.SIMILARITY_BELOW_THRESHOLD);
      return new Verdict(Outcome.NOT_LIVE, null, reasons);
    }
    if (similarity >= threshold) {
      reasons.add(Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD);
      return new Verdict(Outcome.MATCH, claimed, reasons);
    }
    reasons.add(Reason.SIMILARITY_BELOW_THRESHOLD);
    return new Verdict(Outcome.NO_MATCH, null, reasons);
  }

  /**
   * @param ranked the best people, best first (at least the top two when there are two)
   */
  public static Verdict identify(List<Candidate> ranked, double livenessScore, boolean livenessRequired,
      double threshold, double livenessThreshold) {
    List<Reason> reasons = new ArrayList<>();
    if (ranked.isEmpty()) {
      reasons.add(Reason.NO_TEMPLATES);
      return new Verdict(Outcome.NOT_ENROLLED, null, reasons);
    }
    Candidate best = ranked.getFirst();
    if (!livenessPasses(livenessScore, livenessRequired, livenessThreshold, reasons)) {
      reasons.add(best.similarity() >= threshold ? Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD
          : Reason.SIMILARITY_BELOW_THRESHOLD);
      return new Verdict(Outcome.NOT_LIVE, null, reasons);
    }
    if (best.similarity() < threshold) {
      reasons.add(Reason.SIMILARITY_BELOW_THRESHOLD);
      return new Verdict(Outcome.UNKNOWN, null, reasons);
    }
    reasons.add(Reason.SIMILARITY_AT_OR_ABOVE_THRESHOLD);
    if (ranked.size() > 1) {
      Candidate second = ranked.get(1);
      if (second.similarity() >= threshold && best.similarity() - second.similarity() < RUNNER_UP_MARGIN) {
        reasons.add(Reason.RUNNER_UP_TOO_CLOSE);
        return new Verdict(Outcome.AMBIGUOUS, null, reasons);
      }
    }
    return new Verdict(Outcome.MATCH, best.account(), reasons);
  }

  private static boolean livenessPasses(double score, boolean required, double threshold, List<Reason> reasons) {
    if (!required) {
      reasons.add(Reason.LIVENESS_NOT_REQUIRED);
      return true;
    }
    if (score >= threshold) {
      reasons.add(Reason.LIVENESS_PASSED);
      return true;
    }
    reasons.add(Reason.LIVENESS_BELOW_THRESHOLD);
    return false;
  }
}
