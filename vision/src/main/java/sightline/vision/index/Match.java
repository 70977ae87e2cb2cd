package sightline.vision.index;

import java.util.Objects;
import java.util.UUID;

/**
 * One answer of an {@link EmbeddingIndex} search: which identity, through which of its templates, how similar.
 *
 * @param identity the caller's identity key, as given to {@link EmbeddingIndex#add}
 * @param template the template that produced the score (the identity's best one when searching best per identity)
 * @param score cosine similarity between the query and the template, in {@code [-1, 1]}; higher is more similar
 * @param <K> the caller's identity key type
 */
public record Match<K>(K identity, UUID template, float score) {

  public Match {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(template, "template");
  }

  /** Whether the score reaches {@code threshold}, for example a calibrated same-person threshold. */
  public boolean isAtLeast(double threshold) {
    return score >= threshold;
  }
}
