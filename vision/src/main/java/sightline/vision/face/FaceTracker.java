package sightline.vision.face;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

/**
 * Which face is the student's from frame to frame, so that the detector need not run on every frame: the landmarks
 * of the last frame frame the next landmark crop ({@link RotatedCrop#around}). The detector runs again every
 * {@code detectEvery} frames, after {@code detectAfter}, and whenever the crop stops looking like the face seen at
 * the last detection (normalised cross-correlation of the 64x64 grey crops below {@link #MIN_SIMILARITY}: the
 * student left, or moved further than the crop covers). Not thread-safe; package-private, owned by an
 * {@link AttentionTracker}.
 */
final class FaceTracker {

  /**
   * Lowest normalised cross-correlation between the followed crop and the crop at the last detection that still
   * counts as the same face. Measured on the focus-blink and Intel clips at their full frame rate with the detector
   * every 5th frame: the followed face scores 0.95–0.995 at the median and at least 0.52 (a fast head turn in the
   * female clip, after which the detector simply runs again); the same crop over another clip's frame scores at most
   * 0.42, and the crop moved by half its width 0.11 at the median.
   */
  static final double MIN_SIMILARITY = 0.6;

  private final @Nullable Point near;
  private @Nullable FaceLandmarks landmarks;
  private float @Nullable [] reference;
  private @Nullable Instant detectedAt;
  private int followed;
  private int faces;

  FaceTracker(@Nullable Point near) {
    this.near = near;
  }

  /** Whether the next frame, captured at {@code at}, needs the detector. */
  boolean needsDetection(Instant at, int detectEvery, Duration detectAfter) {
    return landmarks == null || reference == null || detectedAt == null || followed + 1 >= detectEvery
        || Duration.between(detectedAt, at).compareTo(detectAfter) >= 0;
  }

  /** The landmarks of the last frame, or null when no face is followed. */
  @Nullable FaceLandmarks landmarks() {
    return landmarks;
  }

  /** Faces counted at the last detection. */
  int faces() {
    return faces;
  }

  /** Normalised cross-correlation of a grey crop with the crop at the last detection, in [-1, 1]. */
  double similarity(float[] grey) {
    float[] ref = reference;
    if (ref == null || ref.length != grey.length) return -1;
    float[] current = normalised(grey);
    double dot = 0;
    for (int i = 0; i < ref.length; i++) dot += (double) ref[i] * current[i];
    return dot;
  }

  /** The face was followed to a new frame without the detector. */
  void followed(FaceLandmarks next) {
    landmarks = next;
    followed++;
  }

  /** The detector ran: {@code faces} found, the followed one at {@code next} with its grey crop, or none. */
  void detected(Instant at, int faces, @Nullable FaceLandmarks next, float @Nullable [] grey) {
    this.faces = faces;
    this.detectedAt = at;
    this.followed = 0;
    this.landmarks = next;
    this.reference = next != null && grey != null ? normalised(grey) : null;
  }

  /**
   * The candidate to follow: the one overlapping the followed face most; else (first detection, or the face
   * jumped) the one nearest the preferred point, else the largest.
   */
  Detection.Candidate pick(List<Detection.Candidate> candidates) {
    if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate to pick");
    FaceLandmarks last = landmarks;
    if (last != null) {
      BoundingBox previous = box(RotatedCrop.around(last), Integer.MAX_VALUE, Integer.MAX_VALUE);
      Detection.Candidate best = null;
      double bestOverlap = 0;
      for (Detection.Candidate c : candidates) {
        double overlap = c.box().iou(previous);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = c;
        }
      }
      if (best != null) return best;
    }
    Detection.Candidate best = candidates.get(0);
    for (Detection.Candidate c : candidates) {
      boolean better = near != null
          ? c.box().centre().distanceTo(near) < best.box().centre().distanceTo(near)
          : c.box().area() > best.box().area();
      if (better) best = c;
    }
    return best;
  }

  /** The upright box around a crop's four corners, clipped to a {@code width x height} image. */
  static BoundingBox box(RotatedCrop crop, int width, int height) {
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int corner = 0; corner < 4; corner++) {
      Point p = crop.toSource(corner & 1, corner >> 1);
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      minY = Math.min(minY, p.y());
      maxY = Math.max(maxY, p.y());
    }
    return new BoundingBox(minX, minY, maxX, maxY).clippedTo(width, height);
  }

  private static float[] normalised(float[] grey) {
    double mean = 0;
    for (float v : grey) mean += v;
    mean /= grey.length;
    double norm = 0;
    for (float v : grey) norm += (v - mean) * (v - mean);
    double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    float[] out = new float[grey.length];
    for (int i = 0; i < grey.length; i++) out[i] = (float) ((grey[i] - mean) * scale);
    return out;
  }
}
