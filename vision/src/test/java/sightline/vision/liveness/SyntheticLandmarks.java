package sightline.vision.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import sightline.vision.Point;
import sightline.vision.face.FaceLandmarks;

/**
 * Landmark sets made by geometry alone, for the motion cue's tests: a head (the mean face with another person's
 * proportions) turned and seen by a pinhole camera, a flat photo of it moved under homographies, and the photo's
 * inner face pushed against its outline as a warp attack does. Deterministic (seeded noise).
 */
final class SyntheticLandmarks {

  /** Face width about 150 px at 640x480, like a laptop webcam at arm's length. */
  static final double PIXELS_PER_UNIT = 110;
  private static final double FOCAL = 0.866 * 640;

  private SyntheticLandmarks() {
  }

  /** Another person than the mean: a wider face (x 1.06), a shorter one (y 0.95) and shallower depth (z 0.85). */
  static double[][] person() {
    double[][] p = MeanFace.standard().points();
    for (double[] point : p) {
      point[0] *= 1.06;
      point[1] *= 0.95;
      point[2] *= 0.85;
    }
    return p;
  }

  /** The head turned by yaw and pitch (degrees), 60 cm from a pinhole camera, centred in a 640x480 frame. */
  static FaceLandmarks head(double[][] shape, double yawDegrees, double pitchDegrees, double noisePx, Random random) {
    double[][] r = Matrices.multiply(Matrices.rotation(new double[] {0, Math.toRadians(yawDegrees), 0}),
        Matrices.rotation(new double[] {Math.toRadians(pitchDegrees), 0, 0}));
    double distance = FOCAL * 1.0;   // at this distance one unit of the shape is about PIXELS_PER_UNIT px
    var points = new ArrayList<Point>(68);
    for (double[] s : shape) {
      double x = (r[0][0] * s[0] + r[0][1] * s[1] + r[0][2] * s[2]) * PIXELS_PER_UNIT;
      double y = (r[1][0] * s[0] + r[1][1] * s[1] + r[1][2] * s[2]) * PIXELS_PER_UNIT;
      double z = (r[2][0] * s[0] + r[2][1] * s[1] + r[2][2] * s[2]) * PIXELS_PER_UNIT;
      double depth = distance - z;   // z points towards the camera
      points.add(new Point(320 + FOCAL * x / depth + noisePx * random.nextGaussian(),
          240 + FOCAL * y / depth + noisePx * random.nextGaussian()));
    }
    return new FaceLandmarks(points);
  }

  /**
   * A flat photo of {@code frontal} (its landmarks as printed) turned by yaw and pitch about its centre, shifted,
   * zoomed and rolled in front of the same camera: each frame is one homography of the photo.
   */
  static FaceLandmarks photo(FaceLandmarks frontal, double yawDegrees, double pitchDegrees, double shiftPx,
      double scale, double rollDegrees, double noisePx, Random random) {
    double[][] r = Matrices.multiply(Matrices.multiply(
        Matrices.rotation(new double[] {0, Math.toRadians(yawDegrees), 0}),
        Matrices.rotation(new double[] {Math.toRadians(pitchDegrees), 0, 0})),
        Matrices.rotation(new double[] {0, 0, Math.toRadians(rollDegrees)}));
    var points = new ArrayList<Point>(68);
    for (Point p : frontal.points()) {
      double u = (p.x() - 320) * scale, v = (p.y() - 240) * scale;   // on the photo, centred
      double x = r[0][0] * u + r[0][1] * v + shiftPx, y = r[1][0] * u + r[1][1] * v, z = r[2][0] * u + r[2][1] * v;
      double depth = FOCAL - z;
      points.add(new Point(320 + FOCAL * x / depth + noisePx * random.nextGaussian(),
          240 + FOCAL * y / depth + noisePx * random.nextGaussian()));
    }
    return new FaceLandmarks(points);
  }

  /**
   * The warp attack on landmarks: every point moved sideways (or down) by {@code amount} face widths (heights) times
   * a cos² window of its distance from the face centre that is zero at 0.75 widths (0.8 heights), so the inner face
   * moves and the outline stays.
   */
  static FaceLandmarks warped(FaceLandmarks frontal, double amount, boolean vertical, double noisePx, Random random) {
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (Point p : frontal.points()) {
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      minY = Math.min(minY, p.y());
      maxY = Math.max(maxY, p.y());
    }
    double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, w = maxX - minX, h = maxY - minY;
    var points = new ArrayList<Point>(68);
    for (Point p : frontal.points()) {
      double u = (p.x() - cx) / (0.75 * w), v = (p.y() - cy) / (0.8 * h), d = Math.sqrt(u * u + v * v);
      double weight = d >= 1 ? 0 : Math.pow(Math.cos(d * Math.PI / 2), 2);
      double dx = vertical ? 0 : amount * w * weight, dy = vertical ? amount * h * weight : 0;
      points.add(new Point(p.x() + dx + noisePx * random.nextGaussian(), p.y() + dy + noisePx * random.nextGaussian()));
    }
    return new FaceLandmarks(points);
  }

  /** {@code n} values rising from 0 to 1 and back (a movement to a peak and home). */
  static List<Double> rise(int n) {
    var out = new ArrayList<Double>(n);
    for (int i = 0; i < n; i++) out.add(Math.sin(Math.PI * i / (n - 1)));
    return out;
  }

  /** All 68 points as {@code double[68][2]}. */
  static double[][] array(FaceLandmarks landmarks) {
    double[][] out = new double[68][];
    for (int i = 0; i < 68; i++) out[i] = new double[] {landmarks.points().get(i).x(), landmarks.points().get(i).y()};
    return out;
  }
}
