package sightline.vision.face;

import java.util.List;
import sightline.vision.Point;

/**
 * The eye aspect ratio (EAR, Soukupová and Čech 2016) of each eye from the six contour landmarks of the iBUG 68-point
 * layout: the two lid-to-lid distances over twice the corner-to-corner distance, {@code (|p2-p6| + |p3-p5|) / (2
 * |p1-p4|)}. It is scale- and roll-invariant; an open eye measures about 0.25–0.4 (it differs from person to person,
 * so compare with the same person's open-eye value) and a closed one falls towards 0. "Left" is the eye on the
 * image's left, as in {@link FaceLandmarks}. Immutable.
 *
 * @param left  EAR of the eye on the image's left (landmarks 36–41), 0 or more
 * @param right EAR of the eye on the image's right (landmarks 42–47), 0 or more
 */
public record EyeAspectRatio(double left, double right) {

  public EyeAspectRatio {
    if (!(left >= 0) || !(right >= 0)) {
      throw new IllegalArgumentException("aspect ratios must be finite and not negative: " + left + ", " + right);
    }
  }

  /** Both eyes' ratios from 68 landmarks. */
  public static EyeAspectRatio of(FaceLandmarks landmarks) {
    return new EyeAspectRatio(of(landmarks.leftEye()), of(landmarks.rightEye()));
  }

  /**
   * One eye's ratio from its six contour points in iBUG order (corner, two upper lid points, corner, two lower lid
   * points); 0 when the corners coincide.
   */
  public static double of(List<Point> eye) {
    if (eye.size() != 6) {
      throw new IllegalArgumentException("an eye has 6 contour points, got " + eye.size());
    }
    double width = eye.get(0).distanceTo(eye.get(3));
    if (!(width > 0)) return 0;
    return (eye.get(1).distanceTo(eye.get(5)) + eye.get(2).distanceTo(eye.get(4))) / (2 * width);
  }

  /** The mean of both eyes: a blink closes both, so the mean is steadier than either eye. */
  public double mean() {
    return (left + right) / 2;
  }
}
