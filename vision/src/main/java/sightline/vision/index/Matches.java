package sightline.vision.index;

import java.util.List;
import java.util.Optional;

/**
 * The ranked answer of one search: highest score first; among equal scores, by template id. Immutable.
 *
 * @param ranked at most {@link SearchOptions#limit()} matches, best first; empty when nothing qualified
 * @param <K> the caller's identity key type
 */
public record Matches<K>(List<Match<K>> ranked) {

  public Matches {
    ranked = List.copyOf(ranked);
    for (int i = 1; i < ranked.size(); i++) {
      if (ranked.get(i).score() > ranked.get(i - 1).score()) {
        throw new IllegalArgumentException("matches must be ranked best first");
      }
    }
  }

  /** The best match, or empty when nothing qualified. */
  public Optional<Match<K>> best() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.getFirst());
  }

  /** The first {@code k} matches ({@code k >= 0}); all of them when there are fewer. */
  public Matches<K> topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    return k >= ranked.size() ? this : new Matches<>(ranked.subList(0, k));
  }

  public boolean isEmpty() {
    return ranked.isEmpty();
  }

  public int size() {
    return ranked.size();
  }
}
