package sightline.vision.face;

import java.util.List;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

/** Pre- and post-processing for {@code fr_pose} and {@code fr_eye} (lib/fr_pose.js, lib/fr_eye.js). Pure functions. */
final class PoseAndEyeCrops {

  static final int POSE_SIZE = 224;
  static final int EYE_SIZE = 24;
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private PoseAndEyeCrops() {
  }

  /** The box grown by a quarter of its size on every side, clipped to the image (the pose model's framing). */
  static BoundingBox poseRegion(BoundingBox box, int width, int height) {
    double dx = box.width() / 4, dy = box.height() / 4;
    return new BoundingBox(box.left() - dx, box.top() - dy, box.right() + dx, box.bottom() + dy).clippedTo(width, height);
  }

  /** {@code [1, 3, 224, 224]}: planar RGB, ImageNet normalisation {@code (v / 255 - mean) / std}. */
  static float[] poseInput(byte[] rgb, int width, int height, BoundingBox region) {
    float[] resized = Resampling.resize(rgb, width, height, region.left(), region.top(), Math.max(1, region.width()),
        Math.max(1, region.height()), POSE_SIZE, POSE_SIZE);
    int n = POSE_SIZE * POSE_SIZE;
    float[] out = new float[3 * n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        out[c * n + i] = (resized[3 * i + c] / 255f - MEAN[c]) / STD[c];
      }
    }
    return out;
  }

  /** Softmax expectation over 66 bins of 3 degrees starting at -99 (bin i covers -99 + 3i). */
  static double binnedAngle(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) max = Math.max(max, v);
    double sum = 0, expectation = 0;
    for (int i = 0; i < logits.length; i++) {
      double e = Math.exp(logits[i] - max);
      sum += e;
      expectation += e * i;
    }
    return expectation / sum * 3 - 99;
  }

  /** Probability of class 0 from two logits (softmax). */
  static double firstClassProbability(float[] logits) {
    double m = Math.max(logits[0], logits[1]);
    double a = Math.exp(logits[0] - m), b = Math.exp(logits[1] - m);
    return a / (a + b);
  }

  /**
   * The square around one eye: centred on the mean of its four lid points, side 1.6 times the corner-to-corner
   * width (lib/fr_eye.js), at least 2 pixels.
   *
   * @param eye the six contour points of one eye, corners first and fourth (iBUG order)
   */
  static BoundingBox eyeRegion(List<Point> eye) {
    double cx = (eye.get(1).x() + eye.get(2).x() + eye.get(4).x() + eye.get(5).x()) / 4;
    double cy = (eye.get(1).y() + eye.get(2).y() + eye.get(4).y() + eye.get(5).y()) / 4;
    double side = Math.max(2, Math.abs(eye.get(3).x() - eye.get(0).x()) * 1.6);
    return new BoundingBox(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2);
  }

  /** {@code [1, 1, 24, 24]}: grey {@code v / 255}. */
  static float[] eyeInput(byte[] rgb, int width, int height, BoundingBox region) {
    float[] grey = Resampling.grey(Resampling.resize(rgb, width, height, region.left(), region.top(), region.width(),
        region.height(), EYE_SIZE, EYE_SIZE));
    for (int i = 0; i < grey.length; i++) {
      grey[i] /= 255f;
    }
    return grey;
  }
}
