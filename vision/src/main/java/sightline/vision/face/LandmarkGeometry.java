package sightline.vision.face;

import java.util.List;
import sightline.vision.Point;

/**
 * Roll-free measurements on the 68 landmarks: the normalised shape that {@link LandmarkPose} reads and the left-right
 * symmetry about the nose line. The shape is centred on the landmarks' mean, turned so that the eye line is level
 * and divided by the root-mean-square distance from the mean, so it does not change when the head tilts towards a
 * shoulder, moves or comes closer. Pure; package-private.
 */
final class LandmarkGeometry {

  /** For each iBUG point, the point that takes its place when the face is mirrored left to right. */
  static final int[] MIRRORED = mirrored();

  /** Values per normalised shape: x and y of 68 points, then a constant 1 for the intercept. */
  static final int FEATURES = 2 * 68 + 1;

  // The nose line (bridge 27–30 and base 33) and the mirror pairs compared about it: jaw, brows, eye and mouth corners.
  private static final int[] NOSE_LINE = {27, 28, 29, 30, 33};
  private static final int[] PAIRED = {0, 1, 2, 3, 4, 5, 6, 7, 17, 18, 19, 20, 21, 36, 39, 31, 48};

  private LandmarkGeometry() {
  }

  private static int[] mirrored() {
    int[] m = new int[68];
    for (int i = 0; i < 68; i++) m[i] = i;
    for (int i = 0; i <= 16; i++) m[i] = 16 - i;          // jaw
    for (int i = 17; i <= 26; i++) m[i] = 43 - i;         // brows
    for (int i = 31; i <= 35; i++) m[i] = 66 - i;         // nose base
    int[][] pairs = {{36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46},   // eyes
        {48, 54}, {49, 53}, {50, 52}, {55, 59}, {56, 58}, {60, 64}, {61, 63}, {65, 67}}; // mouth
    for (int[] p : pairs) {
      m[p[0]] = p[1];
      m[p[1]] = p[0];
    }
    return m;
  }

  /** The normalised shape (see the class comment) as {@code x0, y0, ..., x67, y67, 1}. */
  static double[] features(FaceLandmarks landmarks) {
    List<Point> points = landmarks.points();
    double angle = RotatedCrop.eyeLineAngle(landmarks);
    Point mean = RotatedCrop.mean(points);
    double s = RotatedCrop.rootMeanSquareDistance(points, mean);
    double scale = s > 0 ? 1 / s : 0;
    double cos = Math.cos(angle), sin = Math.sin(angle);
    double[] f = new double[FEATURES];
    for (int i = 0; i < 68; i++) {
      double dx = points.get(i).x() - mean.x(), dy = points.get(i).y() - mean.y();
      f[2 * i] = (cos * dx + sin * dy) * scale;      // turned by minus the eye-line angle
      f[2 * i + 1] = (-sin * dx + cos * dy) * scale;
    }
    f[FEATURES - 1] = 1;
    return f;
  }

  /** The features of the mirrored face: x negated and the points swapped with their mirror partners. */
  static double[] mirror(double[] features) {
    double[] m = new double[FEATURES];
    for (int i = 0; i < 68; i++) {
      m[2 * i] = -features[2 * MIRRORED[i]];
      m[2 * i + 1] = features[2 * MIRRORED[i] + 1];
    }
    m[FEATURES - 1] = features[FEATURES - 1];
    return m;
  }

  /** Head roll in degrees: the eye line's angle, positive when the eye on the image's right is lower. */
  static double rollDegrees(FaceLandmarks landmarks) {
    return Math.toDegrees(RotatedCrop.eyeLineAngle(landmarks));
  }

  /**
   * Left-right symmetry about the nose line in [0, 1]: one minus the mean of {@code |dl - dr| / (dl + dr)} over
   * mirror pairs of jaw, brow, eye, nose and mouth points, where {@code dl} and {@code dr} are the pair's distances
   * from the nose line in the roll-free shape. 1 is a mirror-symmetric face seen from the front; turning the head
   * brings the far half closer to the nose line and lowers it (0.90–0.95 facing the camera, 0.2–0.5 turned 30–40
   * degrees away, on the live clip of {@code webcam-replay-video}).
   */
  static double symmetry(FaceLandmarks landmarks) {
    double[] f = features(landmarks);
    double axis = 0;
    for (int i : NOSE_LINE) axis += f[2 * i];
    axis /= NOSE_LINE.length;
    double sum = 0;
    for (int i : PAIRED) {
      double dl = Math.abs(f[2 * i] - axis), dr = Math.abs(f[2 * MIRRORED[i]] - axis);
      sum += dl + dr > 0 ? Math.abs(dl - dr) / (dl + dr) : 0;
    }
    return Math.clamp(1 - sum / PAIRED.length, 0, 1);
  }
}
