package sightline.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * What the farmer said about a diagnosis: the class the picture really shows. Kept for retraining and exported by
 * administrators as a labelled dataset.
 *
 * @param correct whether {@code label} is the class the diagnosis named first
 * @param label the right class, one of the labels of the model that made the diagnosis
 * @param at when it was given
 */
public record Feedback(boolean correct, String label, Instant at) {

  public Feedback {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(at, "at");
  }
}
