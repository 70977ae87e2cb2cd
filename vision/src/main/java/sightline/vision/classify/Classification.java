package sightline.vision.classify;

import java.util.Objects;

/**
 * One class and how likely the classifier finds it.
 *
 * @param label the class name from the metadata file
 * @param index the class's position in the model's output, {@code 0..labels-1}
 * @param probability in {@code [0, 1]}; over all classes of one image they sum to 1
 */
public record Classification(String label, int index, float probability) {

  public Classification {
    Objects.requireNonNull(label, "label");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    if (!(probability >= 0f && probability <= 1f)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
  }
}
