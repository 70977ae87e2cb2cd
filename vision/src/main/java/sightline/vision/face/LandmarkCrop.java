package sightline.vision.face;

import java.util.ArrayList;
import java.util.List;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

/**
 * Pre- and post-processing for {@code fr_landmark}: the detector box, clipped to the image, resized to 64x64 grey,
 * values {@code v / 256}; the output is 68 {@code (x, y)} pairs as fractions of that crop. Pure functions,
 * package-private.
 */
final class LandmarkCrop {

  static final int SIZE = 64;
  static final int POINTS = 68;

  /** The crop rectangle in source pixels (the box clipped to the image, at least one pixel). */
  record Crop(double left, double top, double width, double height) {
  }

  private LandmarkCrop() {
  }

  static Crop crop(BoundingBox box, int imageWidth, int imageHeight) {
    BoundingBox clipped = box.clippedTo(imageWidth, imageHeight);
    return new Crop(clipped.left(), clipped.top(), Math.max(1, clipped.width()), Math.max(1, clipped.height()));
  }

  /** 64x64 grey values 0–255 of the crop, row-major. */
  static float[] grey(byte[] rgb, int width, int height, Crop crop) {
    return Resampling.grey(Resampling.resize(rgb, width, height, crop.left(), crop.top(), crop.width(), crop.height(),
        SIZE, SIZE));
  }

  /** Model input {@code [1, 1, 64, 64]} from the grey crop. */
  static float[] input(float[] grey) {
    float[] in = new float[grey.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = grey[i] / 256f; // model contract (lib/fr_landmark.js): grey / 256
    }
    return in;
  }

  /** The 136 outputs (x0, y0, x1, y1, ...; fractions of the crop) as 68 points in source pixels. */
  static List<Point> decode(float[] output, Crop crop) {
    if (output.length != 2 * POINTS) {
      throw new IllegalArgumentException("expected " + 2 * POINTS + " landmark values, got " + output.length);
    }
    var points = new ArrayList<Point>(POINTS);
    for (int i = 0; i < POINTS; i++) {
      points.add(new Point(crop.left() + output[2 * i] * crop.width(), crop.top() + output[2 * i + 1] * crop.height()));
    }
    return points;
  }
}
