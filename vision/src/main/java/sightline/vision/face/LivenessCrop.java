package sightline.vision.face;

import sightline.vision.BoundingBox;

/**
 * Pre- and post-processing for {@code fr_liveness} (a MiniFASNet-style model from Silent-Face-Anti-Spoofing). Pure
 * functions, package-private.
 *
 * <p>Crop: the detector box scaled {@value #SCALE}x around its centre, as the model was trained. When the scaled box
 * would not fit, the scale is first reduced to what fits ({@code min(2.7, (W-1)/w, (H-1)/h)}), then the box is
 * shifted, not clipped, to lie inside the image. So the model always sees real pixels and context of the same
 * aspect as the face box, never padding (padding would add straight edges that look like a screen or paper border).
 * This is what the package's {@code alignLivenessImage} and the upstream training code do.
 *
 * <p>Input: the crop resized bilinearly (OpenCV's {@code INTER_LINEAR}: no anti-aliasing, as the training patches
 * were made) to 128x128, planar {@code [1, 3, 128, 128]}, channels <b>B, G, R</b>, raw 0–255 values. The package's
 * JavaScript feeds R, G, B, which is a bug: on MSU-MFSD live faces averaged a live probability of 0.32 with RGB
 * against 0.95 with BGR (ROC AUC 0.64 against 0.97).
 *
 * <p>Output: 3 logits; the live score is the softmax probability of class 0 (see {@link LivenessAssessment}).
 */
final class LivenessCrop {

  /** Side of the square model input in pixels. */
  static final int SIZE = 128;
  /** How much larger than the detector box the crop is, per side. */
  static final double SCALE = 2.7;

  private LivenessCrop() {
  }

  /** A crop rectangle in source pixels: {@code [x, x + width) x [y, y + height)}. */
  record Region(double x, double y, double width, double height) {
  }

  /**
   * The crop for {@code box} in an image of {@code imageWidth x imageHeight}: scaled by {@code scale} (reduced to
   * what fits) around the box centre, then shifted inside the image.
   */
  static Region region(BoundingBox box, int imageWidth, int imageHeight, double scale) {
    double boxW = Math.max(box.width(), 1);
    double boxH = Math.max(box.height(), 1);
    double s = Math.min(scale, Math.min((imageWidth - 1) / boxW, (imageHeight - 1) / boxH));
    double w = boxW * s;
    double h = boxH * s;
    double left = box.centre().x() - w / 2;
    double top = box.centre().y() - h / 2;
    // Shift into the image; w <= W - 1 and h <= H - 1 by the choice of s, so one shift per axis suffices.
    left = Math.max(0, Math.min(left, imageWidth - 1 - w));
    top = Math.max(0, Math.min(top, imageHeight - 1 - h));
    return new Region(left, top, w, h);
  }

  /**
   * The model input for {@code region} of an interleaved RGB image: {@code 3 * SIZE * SIZE} floats, planes B, G, R,
   * values 0–255.
   */
  static float[] input(byte[] rgb, int width, int height, Region region) {
    int n = SIZE * SIZE;
    float[] out = new float[3 * n];
    double sx = region.width() / SIZE;
    double sy = region.height() / SIZE;
    for (int oy = 0; oy < SIZE; oy++) {
      double fy = region.y() + (oy + 0.5) * sy - 0.5;
      int iy = (int) Math.floor(fy);
      float dy = (float) (fy - iy);
      int yA = clamp(iy, height);
      int yB = clamp(iy + 1, height);
      for (int ox = 0; ox < SIZE; ox++) {
        double fx = region.x() + (ox + 0.5) * sx - 0.5;
        int ix = (int) Math.floor(fx);
        float dx = (float) (fx - ix);
        int xA = clamp(ix, width);
        int xB = clamp(ix + 1, width);
        int p00 = 3 * (yA * width + xA), p01 = 3 * (yA * width + xB);
        int p10 = 3 * (yB * width + xA), p11 = 3 * (yB * width + xB);
        int o = oy * SIZE + ox;
        for (int c = 0; c < 3; c++) {
          float top = (rgb[p00 + c] & 0xff) + dx * ((rgb[p01 + c] & 0xff) - (rgb[p00 + c] & 0xff));
          float bottom = (rgb[p10 + c] & 0xff) + dx * ((rgb[p11 + c] & 0xff) - (rgb[p10 + c] & 0xff));
          // Channel order B, G, R (the model was trained on OpenCV's BGR frames); raw 0–255, no mean or scale.
          out[(2 - c) * n + o] = top + dy * (bottom - top);
        }
      }
    }
    return out;
  }

  /** The live score: softmax probability of class 0 of the model's logits, in [0, 1]. */
  static double liveScore(float[] logits) {
    if (logits.length != 3) {
      throw new IllegalArgumentException("fr_liveness gives 3 logits, got " + logits.length);
    }
    double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
    double sum = 0;
    for (float logit : logits) {
      sum += Math.exp(logit - max);
    }
    return Math.exp(logits[0] - max) / sum;
  }

  private static int clamp(int v, int size) {
    return v < 0 ? 0 : v >= size ? size - 1 : v;
  }
}
