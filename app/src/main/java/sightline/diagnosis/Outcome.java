package sightline.diagnosis;

/** What a diagnosis told the farmer. */
public enum Outcome {
  /** The best class is shown, with its advice. */
  DIAGNOSED,
  /** "Not a leaf / not sure: please take the photo again": the model's reject rule turned the answer away. */
  RETAKE
}
