package sightline.vision.face;

/**
 * How usable a detected face is for recognition and liveness, measured on the face box resampled to 64x64 grey and,
 * for the surroundings, on the frame around the box. Callers set their own limits (for enrolment, e.g.
 * {@code faceSizePx >= 80}, brightness between 0.25 and 0.85; for liveness, {@code sightline.vision.liveness
 * .QualityLimits}). Immutable.
 *
 * @param faceSizePx         the shorter side of the detector box, in source pixels
 * @param sharpness          variance of the 4-neighbour Laplacian of the 64x64 grey crop (grey values 0–255), so
 *                           independent of the face's size in the picture; blurred or upscaled faces score low (below
 *                           about 50), crisp faces several hundred
 * @param brightness         mean grey level of the crop in [0, 1]
 * @param contrast           standard deviation of the grey level of the crop in [0, 0.5]
 * @param surroundBrightness mean grey level in [0, 1] of the frame around the face (the box grown to twice its size,
 *                           clipped to the frame, without the box), or NaN when it was not measured; far above
 *                           {@code brightness} means a light behind the person (a window), which darkens the face
 */
public record FaceQuality(double faceSizePx, double sharpness, double brightness, double contrast,
    double surroundBrightness) {

  /** A quality report without the surroundings ({@code surroundBrightness} NaN). */
  public FaceQuality(double faceSizePx, double sharpness, double brightness, double contrast) {
    this(faceSizePx, sharpness, brightness, contrast, Double.NaN);
  }

  /**
   * How much brighter the surroundings are than the face, in grey levels of [0, 1] (negative when the face is the
   * brighter); NaN when the surroundings were not measured.
   */
  public double backlight() {
    return surroundBrightness - brightness;
  }
}
