package sightline.vision.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sightline.vision.BoundingBox;

/**
 * Pre- and post-processing for {@code fr_detect} (an Ultra-Light-Fast-Generic-Face-Detector RFB-320): pure
 * functions on arrays, package-private.
 */
final class Detection {

  static final int INPUT_WIDTH = 320;
  static final int INPUT_HEIGHT = 240;
  static final int ANCHORS = 4420;

  /** A scored box in source-image pixels. */
  record Candidate(BoundingBox box, float score) {
  }

  private Detection() {
  }

  /**
   * The whole picture stretched to 320x240 (as in training: no letterbox), planar RGB, {@code (v - 127) / 128}.
   * Returns {@code [1, 3, 240, 320]} values in row-major order.
   */
  static float[] input(byte[] rgb, int width, int height) {
    float[] resized = Resampling.resize(rgb, width, height, 0, 0, width, height, INPUT_WIDTH, INPUT_HEIGHT);
    return Resampling.planar(resized, 127f, 128f); // model contract: RGB, (x - 127) / 128
  }

  /**
   * Reads the model's outputs: {@code scores [1, N, 2]} (background, face probabilities, softmax already applied)
   * and {@code boxes [1, N, 4]} as normalised {@code x1, y1, x2, y2} (priors already decoded inside the model).
   * Keeps anchors whose face probability is at least {@code minScore}, maps them to source pixels and clips them
   * to the image. Sorted by score, best first.
   */
  static List<Candidate> decode(float[] scores, float[] boxes, float minScore, int width, int height) {
    int n = scores.length / 2;
    if (boxes.length != 4 * n) {
      throw new IllegalArgumentException("scores hold " + n + " anchors but boxes " + boxes.length / 4);
    }
    var kept = new ArrayList<Candidate>();
    for (int i = 0; i < n; i++) {
      float score = scores[2 * i + 1];
      if (score >= minScore) {
        double x1 = boxes[4 * i] * (double) width;
        double y1 = boxes[4 * i + 1] * (double) height;
        double x2 = boxes[4 * i + 2] * (double) width;
        double y2 = boxes[4 * i + 3] * (double) height;
        if (x2 > x1 && y2 > y1) {
          kept.add(new Candidate(new BoundingBox(x1, y1, x2, y2).clippedTo(width, height), score));
        }
      }
    }
    kept.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return kept;
  }

  /**
   * Greedy non-maximum suppression: walks the candidates best first and drops any whose IoU with an already kept
   * box exceeds {@code maxOverlap}. The input must be sorted best first (as {@link #decode} returns it).
   */
  static List<Candidate> suppressOverlaps(List<Candidate> sorted, double maxOverlap) {
    var kept = new ArrayList<Candidate>();
    for (Candidate candidate : sorted) {
      boolean overlaps = false;
      for (Candidate k : kept) {
        if (k.box().iou(candidate.box()) > maxOverlap) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(candidate);
      }
    }
    return kept;
  }
}
