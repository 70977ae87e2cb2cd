package sightline.vision.classify;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every class of one image, most probable first (ties by class index). Immutable.
 *
 * @param ranked one entry per class of the model, or the first {@code k} after {@link #topK}
 */
public record Classifications(List<Classification> ranked) {

  static final Comparator<Classification> ORDER =
      Comparator.comparingDouble((Classification c) -> -c.probability()).thenComparingInt(Classification::index);

  public Classifications {
    ranked = List.copyOf(ranked);
    for (int i = 1; i < ranked.size(); i++) {
      if (ORDER.compare(ranked.get(i - 1), ranked.get(i)) > 0) {
        throw new IllegalArgumentException("classifications must be ranked most probable first");
      }
    }
  }

  /** The most probable class; empty only for an empty list (a model always yields at least one class). */
  public Optional<Classification> best() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.getFirst());
  }

  /** The {@code k} most probable classes ({@code k >= 0}); all of them when there are fewer. */
  public Classifications topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    return k >= ranked.size() ? this : new Classifications(ranked.subList(0, k));
  }

  /** The probability of {@code label}, or empty when it is not among these classifications. */
  public Optional<Float> probabilityOf(String label) {
    return ranked.stream().filter(c -> c.label().equals(label)).findFirst().map(Classification::probability);
  }

  public int size() {
    return ranked.size();
  }
}
