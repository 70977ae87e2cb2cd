package sightline.diagnosis;

import java.util.Objects;

/**
 * One class the model considered for a picture.
 *
 * @param label the model's class name (its metadata's label, e.g. {@code apple_apple_scab})
 * @param probability in {@code [0, 1]}
 */
public record Prediction(String label, float probability) {

  public Prediction {
    Objects.requireNonNull(label, "label");
    if (!(probability >= 0f && probability <= 1f)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
    }
  }

  /** The probability in whole percent, {@code 0..100}, for people. */
  public int percent() {
    return Math.round(probability * 100f);
  }
}
