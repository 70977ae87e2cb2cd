package sightline.vision;

/**
 * An axis-aligned rectangle in pixels of the source image: {@code (left, top)} is the top-left corner and
 * {@code (right, bottom)} the bottom-right corner, with {@code x} growing rightwards and {@code y} downwards.
 * Coordinates are continuous (a box covering pixel column 0 only spans {@code left = 0, right = 1}).
 * Immutable and thread-safe.
 */
public record BoundingBox(double left, double top, double right, double bottom) {

  public BoundingBox {
    if (!(right >= left) || !(bottom >= top)) {
      throw new IllegalArgumentException("box corners out of order: " + left + "," + top + " " + right + "," + bottom);
    }
  }

  public double width() {
    return right - left;
  }

  public double height() {
    return bottom - top;
  }

  /** Area in square pixels. */
  public double area() {
    return width() * height();
  }

  public Point centre() {
    return new Point((left + right) / 2, (top + bottom) / 2);
  }

  /** Intersection over union with {@code other}, in [0, 1]; 0 for disjoint or empty boxes. */
  public double iou(BoundingBox other) {
    double w = Math.min(right, other.right) - Math.max(left, other.left);
    double h = Math.min(bottom, other.bottom) - Math.max(top, other.top);
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double intersection = w * h;
    double union = area() + other.area() - intersection;
    return union <= 0 ? 0 : intersection / union;
  }

  /** This box clipped to an image of {@code width x height} pixels. */
  public BoundingBox clippedTo(int width, int height) {
    double l = Math.clamp(left, 0, width);
    double t = Math.clamp(top, 0, height);
    return new BoundingBox(l, t, Math.clamp(right, l, width), Math.clamp(bottom, t, height));
  }

  /** This box mirrored left to right inside an image {@code imageWidth} pixels wide. */
  public BoundingBox mirrored(int imageWidth) {
    return new BoundingBox(imageWidth - right, top, imageWidth - left, bottom);
  }

  /** This box with every coordinate multiplied by {@code factor} (for a resized image). */
  public BoundingBox scaled(double factor) {
    return new BoundingBox(left * factor, top * factor, right * factor, bottom * factor);
  }
}
