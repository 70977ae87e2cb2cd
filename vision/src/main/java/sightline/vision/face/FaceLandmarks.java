package sightline.vision.face;

import java.util.List;
import sightline.vision.Point;

/**
 * The 68 facial landmarks in the iBUG 300-W order (0–16 jaw, 17–26 brows, 27–35 nose, 36–41 and 42–47 the eyes,
 * 48–67 the mouth), in pixels of the source image. "Left" and "right" below mean as seen in the image: the
 * {@link #leftEyeCentre()} is the subject's right eye. Immutable and thread-safe.
 *
 * @param points exactly 68 points
 */
public record FaceLandmarks(List<Point> points) {

  public FaceLandmarks {
    points = List.copyOf(points);
    if (points.size() != 68) {
      throw new IllegalArgumentException("68 landmarks expected, got " + points.size());
    }
  }

  /** Centre of the eye on the image's left: the mean of its four lid points (37, 38, 40, 41). */
  public Point leftEyeCentre() {
    return mean(37, 38, 40, 41);
  }

  /** Centre of the eye on the image's right: the mean of its four lid points (43, 44, 46, 47). */
  public Point rightEyeCentre() {
    return mean(43, 44, 46, 47);
  }

  /** Tip of the nose (point 30). */
  public Point noseTip() {
    return points.get(30);
  }

  /** Mouth corner on the image's left: mean of the outer and inner lip corners (48, 60). */
  public Point mouthLeft() {
    return mean(48, 60);
  }

  /** Mouth corner on the image's right: mean of the outer and inner lip corners (54, 64). */
  public Point mouthRight() {
    return mean(54, 64);
  }

  /** The five alignment points: left eye, right eye, nose tip, left and right mouth corner. */
  public List<Point> fivePoints() {
    return List.of(leftEyeCentre(), rightEyeCentre(), noseTip(), mouthLeft(), mouthRight());
  }

  /** The six contour points of the eye on the image's left (36–41). */
  public List<Point> leftEye() {
    return points.subList(36, 42);
  }

  /** The six contour points of the eye on the image's right (42–47). */
  public List<Point> rightEye() {
    return points.subList(42, 48);
  }

  private Point mean(int... indices) {
    double x = 0, y = 0;
    for (int i : indices) {
      x += points.get(i).x();
      y += points.get(i).y();
    }
    return new Point(x / indices.length, y / indices.length);
  }
}
