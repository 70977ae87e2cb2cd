package sightline.vision.face;

import java.util.ArrayList;
import java.util.List;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

/**
 * A rectangle of the source image at an angle, sampled into an upright picture: a face whose head is tilted
 * towards a shoulder comes out with its eyes level, which is how the landmark and pose models were trained. Pure;
 * package-private.
 *
 * @param centreX  centre in source pixels (continuous coordinates: pixel column 0 spans 0 to 1)
 * @param centreY  centre in source pixels
 * @param width    extent along the crop's own x axis, in source pixels, positive
 * @param height   extent along the crop's own y axis, in source pixels, positive
 * @param angle    radians from the image's x axis to the crop's x axis, positive from +x towards +y (clockwise on
 *                 screen, since y points down); the eye-line angle of a face makes its eyes level in the crop
 * @param mirrored whether the crop is flipped left to right (its u axis runs from the right edge)
 */
record RotatedCrop(double centreX, double centreY, double width, double height, double angle, boolean mirrored) {

  /*
   * The landmark crop is derived from the previous landmarks, framed as the detector frames a face: the median
   * detector box relative to the 68 landmarks of 4,000 LFW faces (landmarks centred on their mean, rotated to a
   * level eye line and divided by their root-mean-square distance s from the mean): centre 0.37 s above the mean,
   * 2.55 s wide and 3.58 s tall. Detection frames and tracked frames then see the same framing, so measurements do
   * not jump when the detector runs.
   */
  static final double ABOVE_MEAN = 0.366;
  static final double WIDTH = 2.55;
  static final double HEIGHT = 3.58;

  RotatedCrop {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("a crop needs a positive size, was " + width + "x" + height);
    }
  }

  /** The box itself, upright. */
  static RotatedCrop of(BoundingBox box) {
    return new RotatedCrop(box.centre().x(), box.centre().y(), Math.max(1, box.width()), Math.max(1, box.height()), 0,
        false);
  }

  /** The detector-like frame around a face's landmarks, turned so that the eyes are level (see the constants). */
  static RotatedCrop around(FaceLandmarks landmarks) {
    double angle = eyeLineAngle(landmarks);
    Point mean = mean(landmarks.points());
    double s = rootMeanSquareDistance(landmarks.points(), mean);
    double up = -ABOVE_MEAN * s;  // "above" in the face's frame is -y turned by the eye-line angle
    return new RotatedCrop(mean.x() - Math.sin(angle) * up, mean.y() + Math.cos(angle) * up, WIDTH * Math.max(s, 0.5),
        HEIGHT * Math.max(s, 0.5), angle, false);
  }

  /** The same rectangle at another angle. */
  RotatedCrop turnedTo(double angle) {
    return new RotatedCrop(centreX, centreY, width, height, angle, mirrored);
  }

  /** The same rectangle flipped left to right. */
  RotatedCrop mirror() {
    return new RotatedCrop(centreX, centreY, width, height, angle, !mirrored);
  }

  /**
   * The source position of a point of the crop given as fractions of its width and height ({@code u} rightwards,
   * {@code v} downwards, 0 to 1 across the crop).
   */
  Point toSource(double u, double v) {
    double x = ((mirrored ? 1 - u : u) - 0.5) * width;
    double y = (v - 0.5) * height;
    double cos = Math.cos(angle), sin = Math.sin(angle);
    return new Point(centreX + cos * x - sin * y, centreY + sin * x + cos * y);
  }

  /** Landmarks given as fractions of the crop ({@code x0, y0, x1, y1, ...}) in source pixels; mirroring swaps sides. */
  List<Point> toSource(float[] fractions) {
    int n = fractions.length / 2;
    var points = new ArrayList<Point>(n);
    for (int i = 0; i < n; i++) {
      int from = mirrored && n == 68 ? LandmarkGeometry.MIRRORED[i] : i;
      points.add(toSource(fractions[2 * from], fractions[2 * from + 1]));
    }
    return points;
  }

  /**
   * Samples the crop into {@code outW x outH} interleaved RGB floats 0–255, bilinear with OpenCV's pixel-centre
   * convention; when one output pixel spans more than 1.5 source pixels it averages a grid of samples (k x k with
   * spacing at most 1.5 px), so a large face shrunk to 64x64 does not alias. Outside the image the edge pixels repeat.
   */
  float[] sample(byte[] rgb, int w, int h, int outW, int outH) {
    float[] out = new float[outW * outH * 3];
    double sx = width / outW, sy = height / outH;
    int k = (int) Math.min(8, Math.max(1, Math.ceil(Math.max(sx, sy) / 1.5)));
    double cos = Math.cos(angle), sin = Math.sin(angle);
    float norm = 1f / (k * k);
    for (int oy = 0; oy < outH; oy++) {
      for (int ox = 0; ox < outW; ox++) {
        float r = 0, g = 0, b = 0;
        for (int j = 0; j < k; j++) {
          double y = ((oy + (j + 0.5) / k) / outH - 0.5) * height;
          for (int i = 0; i < k; i++) {
            double u = (ox + (i + 0.5) / k) / outW;
            double x = ((mirrored ? 1 - u : u) - 0.5) * width;
            double fx = centreX + cos * x - sin * y - 0.5;  // continuous position to pixel-index space
            double fy = centreY + sin * x + cos * y - 0.5;
            int ix = (int) Math.floor(fx), iy = (int) Math.floor(fy);
            float dx = (float) (fx - ix), dy = (float) (fy - iy);
            int x0 = clamp(ix, w), x1 = clamp(ix + 1, w), y0 = clamp(iy, h), y1 = clamp(iy + 1, h);
            int p00 = 3 * (y0 * w + x0), p01 = 3 * (y0 * w + x1), p10 = 3 * (y1 * w + x0), p11 = 3 * (y1 * w + x1);
            r += bilinear(rgb, p00, p01, p10, p11, dx, dy);
            g += bilinear(rgb, p00 + 1, p01 + 1, p10 + 1, p11 + 1, dx, dy);
            b += bilinear(rgb, p00 + 2, p01 + 2, p10 + 2, p11 + 2, dx, dy);
          }
        }
        int o = 3 * (oy * outW + ox);
        out[o] = r * norm;
        out[o + 1] = g * norm;
        out[o + 2] = b * norm;
      }
    }
    return out;
  }

  private static float bilinear(byte[] rgb, int p00, int p01, int p10, int p11, float dx, float dy) {
    float top = (rgb[p00] & 0xff) + dx * ((rgb[p01] & 0xff) - (rgb[p00] & 0xff));
    float bottom = (rgb[p10] & 0xff) + dx * ((rgb[p11] & 0xff) - (rgb[p10] & 0xff));
    return top + dy * (bottom - top);
  }

  private static int clamp(int v, int size) {
    return v < 0 ? 0 : v >= size ? size - 1 : v;
  }

  /** Angle of the line from the eye on the image's left to the other, in radians ({@code atan2}, y down). */
  static double eyeLineAngle(FaceLandmarks landmarks) {
    Point left = landmarks.leftEyeCentre(), right = landmarks.rightEyeCentre();
    return Math.atan2(right.y() - left.y(), right.x() - left.x());
  }

  static Point mean(List<Point> points) {
    double x = 0, y = 0;
    for (Point p : points) {
      x += p.x();
      y += p.y();
    }
    return new Point(x / points.size(), y / points.size());
  }

  static double rootMeanSquareDistance(List<Point> points, Point from) {
    double sum = 0;
    for (Point p : points) {
      double dx = p.x() - from.x(), dy = p.y() - from.y();
      sum += dx * dx + dy * dy;
    }
    return Math.sqrt(sum / points.size());
  }
}
