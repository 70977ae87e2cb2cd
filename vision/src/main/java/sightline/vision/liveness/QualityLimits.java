package sightline.vision.liveness;

import java.util.ArrayList;
import java.util.List;
import sightline.vision.face.FaceQuality;

/**
 * The limits within which a frame is judged for liveness at all; outside them a frame is reported as of
 * insufficient quality with its {@link QualityProblem}s, not as a spoof, because the liveness models were not trained
 * for such frames and a person can fix them. Immutable; part of a {@link LivenessPolicy}.
 *
 * @param minFaceSizePx  the face box's shorter side must reach this many pixels
 * @param minBrightness  lowest mean grey level of the face, in [0, 1]
 * @param maxBrightness  highest mean grey level of the face, in [0, 1]
 * @param minSharpness   lowest Laplacian variance of the 64x64 face crop (see {@link FaceQuality#sharpness()})
 * @param maxBacklight   highest {@link FaceQuality#backlight()} (surroundings minus face brightness), in [0, 1]
 */
public record QualityLimits(double minFaceSizePx, double minBrightness, double maxBrightness, double minSharpness,
    double maxBacklight) {

  public QualityLimits {
    if (!(minFaceSizePx >= 0) || !(minSharpness >= 0)) {
      throw new IllegalArgumentException("minFaceSizePx and minSharpness must not be negative");
    }
    if (!(minBrightness >= 0 && minBrightness < maxBrightness && maxBrightness <= 1)) {
      throw new IllegalArgumentException("brightness limits must satisfy 0 <= min < max <= 1");
    }
    if (!(maxBacklight > 0 && maxBacklight <= 1)) {
      throw new IllegalArgumentException("maxBacklight must be in (0, 1], was " + maxBacklight);
    }
  }

  /** The shipped limits; vision/README.md ("Liveness: quality") gives the measurements behind them. */
  public static QualityLimits defaults() {
    return new QualityLimits(60, 0.18, 0.85, 25, 0.40);
  }

  /** What is wrong with a face's quality, in {@link QualityProblem} order; empty when it can be judged. */
  public List<QualityProblem> problems(FaceQuality quality) {
    var problems = new ArrayList<QualityProblem>(2);
    if (quality.faceSizePx() < minFaceSizePx) problems.add(QualityProblem.TOO_FAR);
    if (quality.brightness() < minBrightness) problems.add(QualityProblem.TOO_DARK);
    if (quality.backlight() > maxBacklight) problems.add(QualityProblem.BACKLIT);   // false when NaN
    if (quality.brightness() > maxBrightness) problems.add(QualityProblem.TOO_BRIGHT);
    if (quality.sharpness() < minSharpness) problems.add(QualityProblem.BLURRED);
    return List.copyOf(problems);
  }
}
