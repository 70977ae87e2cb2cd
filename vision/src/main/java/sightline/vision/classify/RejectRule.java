package sightline.vision.classify;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a classifier should answer "not one of mine / not sure" instead of naming its best class: the best class is
 * a reject class (for example a "no leaf" background class), or its probability is below {@code minProbability},
 * or it leads the second class by less than {@code minMargin}. Thresholds belong to one trained model and travel
 * in its metadata file ({@code reject.*} keys, see {@link ClassifierMetadata#read}). Immutable and thread-safe.
 *
 * @param labels reject classes; may be empty
 * @param minProbability lowest probability of the best class that is still an answer, in {@code [0, 1]}
 * @param minMargin lowest lead of the best class's probability over the second's, in {@code [0, 1]}
 */
public record RejectRule(Set<String> labels, float minProbability, float minMargin) {

  /** Why a result was turned away, checked in this order. */
  public enum Reason {
    /** The best class is one of the reject classes. */
    REJECT_CLASS,
    /** The best class's probability is below the minimum. */
    LOW_PROBABILITY,
    /** The best class does not lead the second by the minimum margin. */
    LOW_MARGIN
  }

  public RejectRule {
    labels = Set.copyOf(labels);
    if (!(minProbability >= 0f && minProbability <= 1f)) {
      throw new IllegalArgumentException("reject.min-probability must be in [0, 1], was " + minProbability);
    }
    if (!(minMargin >= 0f && minMargin <= 1f)) {
      throw new IllegalArgumentException("reject.min-margin must be in [0, 1], was " + minMargin);
    }
  }

  /** Accepts every answer: no reject classes, no minimum. */
  public static RejectRule none() {
    return new RejectRule(Set.of(), 0f, 0f);
  }

  /**
   * Why {@code result} should not be shown as an answer, or empty when its best class may be shown. An empty
   * result (no classes) is turned away for low probability.
   *
   * @param result all classes of one picture, or at least its two most probable ones ({@link Classifications#topK})
   */
  public Optional<Reason> reasonToReject(Classifications result) {
    Objects.requireNonNull(result, "result");
    if (result.size() == 0) {
      return Optional.of(Reason.LOW_PROBABILITY);
    }
    Classification best = result.ranked().getFirst();
    if (labels.contains(best.label())) {
      return Optional.of(Reason.REJECT_CLASS);
    }
    if (best.probability() < minProbability) {
      return Optional.of(Reason.LOW_PROBABILITY);
    }
    float second = result.size() > 1 ? result.ranked().get(1).probability() : 0f;
    if (best.probability() - second < minMargin) {
      return Optional.of(Reason.LOW_MARGIN);
    }
    return Optional.empty();
  }

  /** True when the best class of {@code result} may be shown as the answer. */
  public boolean accepts(Classifications result) {
    return reasonToReject(result).isEmpty();
  }
}
