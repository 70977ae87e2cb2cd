package sightline.vision.face;

import java.util.List;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

/**
 * Pre- and post-processing for {@code fr_pose}, {@code fr_eye} and {@code fr_liveness} (lib/fr_pose.js, lib/fr_eye.js,
 * lib/fr_liveness.js), and for MiniFASNet V2 and V1SE, which share {@code fr_liveness}'s Silent-Face-Anti-Spoofing
 * framing. Pure functions, package-private.
 */
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
    return poseInput(Resampling.resize(rgb, width, height, region.left(), region.top(), Math.max(1, region.width()),
        Math.max(1, region.height()), POSE_SIZE, POSE_SIZE));
  }

  /** {@code [1, 3, 224, 224]} from an already resized 224x224 interleaved RGB crop (values 0–255). */
  static float[] poseInput(float[] resized) {
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

  static final int LIVENESS_SIZE = 128;

  /**
   * The liveness model's framing (lib/fr_liveness.js): the box scaled 2.7x about its centre (less when the image is
   * too small), then shifted, not clipped, to stay inside the image, so that it keeps the face's surroundings.
   */
  static BoundingBox livenessRegion(BoundingBox box, int width, int height) {
    return livenessRegion(box, width, height, 2.7);
  }

  /**
   * Silent-Face-Anti-Spoofing's framing ({@code CropImage._get_new_box}) at any scale: MiniFASNet V2 is trained on
   * 2.7x the box, V1SE on 4.0x. Upstream truncates the corners to whole pixels; the sub-pixel difference is below
   * what the 80x80 resize keeps.
   */
  static BoundingBox livenessRegion(BoundingBox box, int width, int height, double maxScale) {
    double bw = Math.max(1, box.width()), bh = Math.max(1, box.height());
    double scale = Math.min((height - 1) / bh, Math.min((width - 1) / bw, maxScale));
    double w = bw * scale, h = bh * scale;
    double cx = box.left() + box.width() / 2, cy = box.top() + box.height() / 2;
    double left = cx - w / 2, top = cy - h / 2, right = cx + w / 2, bottom = cy + h / 2;
    if (left < 0) { right -= left; left = 0; }
    if (top < 0) { bottom -= top; top = 0; }
    if (right > width - 1) { left -= right - width + 1; right = width - 1; }
    if (bottom > height - 1) { top -= bottom - height + 1; bottom = height - 1; }
    return new BoundingBox(Math.max(0, left), Math.max(0, top), Math.max(Math.max(0, left), right),
        Math.max(Math.max(0, top), bottom));
  }

  /** {@code [1, 3, 128, 128]}: planar BGR, raw 0–255 (the model was trained on OpenCV's BGR frames). */
  static float[] livenessInput(byte[] rgb, int width, int height, BoundingBox region) {
    return rawBgr(rgb, width, height, region, LIVENESS_SIZE);
  }

  static final int MINIFASNET_SIZE = 80;
  static final double MINIFASNET_V2_SCALE = 2.7;
  static final double MINIFASNET_V1SE_SCALE = 4.0;
  /** MiniFASNet's live class: upstream reads class 1 as real, 0 and 2 as two kinds of attack. */
  static final int MINIFASNET_LIVE_CLASS = 1;

  /**
   * {@code [1, 3, 80, 80]} for MiniFASNet: planar BGR, raw 0–255, no mean or scaling (upstream's {@code ToTensor}
   * does not divide by 255). Shrinking averages the covered pixels where upstream's {@code cv2.resize} samples
   * bilinearly: measured on the MSU-MFSD train split, see vision/README.md.
   */
  static float[] miniFasNetInput(byte[] rgb, int width, int height, BoundingBox region) {
    return rawBgr(rgb, width, height, region, MINIFASNET_SIZE);
  }

  private static float[] rawBgr(byte[] rgb, int width, int height, BoundingBox region, int size) {
    float[] resized = Resampling.resize(rgb, width, height, region.left(), region.top(), Math.max(1, region.width()),
        Math.max(1, region.height()), size, size);
    int n = size * size;
    float[] out = new float[3 * n];
    for (int i = 0; i < n; i++) {
      out[i] = resized[3 * i + 2];         // B
      out[n + i] = resized[3 * i + 1];     // G
      out[2 * n + i] = resized[3 * i];     // R
    }
    return out;
  }

  /** Softmax probability of class {@code index}. */
  static double probability(float[] logits, int index) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) max = Math.max(max, v);
    double sum = 0;
    for (float v : logits) sum += Math.exp(v - max);
    return Math.exp(logits[index] - max) / sum;
  }
}
