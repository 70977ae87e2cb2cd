package sightline.vision;

/** A position in pixels of the source image, {@code x} rightwards and {@code y} downwards. Immutable. */
public record Point(double x, double y) {

  /** Euclidean distance in pixels. */
  public double distanceTo(Point other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
