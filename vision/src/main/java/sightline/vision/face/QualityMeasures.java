package sightline.vision.face;

/** Computes {@link FaceQuality} from a grey crop and the frame around it. Pure functions, package-private. */
final class QualityMeasures {

  private QualityMeasures() {
  }

  /** At most this many samples across the surroundings in each direction: a brightness needs no more. */
  static final int SURROUND_SAMPLES = 48;

  /**
   * The report without the surroundings.
   *
   * @param grey row-major grey values 0–255, {@code size x size}
   */
  static FaceQuality measure(float[] grey, int size, double faceSizePx) {
    return measure(grey, size, faceSizePx, Double.NaN);
  }

  /**
   * @param grey               row-major grey values 0–255, {@code size x size}
   * @param surroundBrightness from {@link #surroundBrightness}
   */
  static FaceQuality measure(float[] grey, int size, double faceSizePx, double surroundBrightness) {
    double sum = 0, sumSq = 0;
    for (float v : grey) {
      sum += v;
      sumSq += (double) v * v;
    }
    double mean = sum / grey.length;
    double variance = Math.max(0, sumSq / grey.length - mean * mean);
    double lapSum = 0, lapSq = 0;
    int n = 0;
    for (int y = 1; y < size - 1; y++) {
      for (int x = 1; x < size - 1; x++) {
        int i = y * size + x;
        double lap = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - 4.0 * grey[i];
        lapSum += lap;
        lapSq += lap * lap;
        n++;
      }
    }
    double lapMean = n == 0 ? 0 : lapSum / n;
    double sharpness = n == 0 ? 0 : Math.max(0, lapSq / n - lapMean * lapMean);
    return new FaceQuality(faceSizePx, sharpness, mean / 255, Math.sqrt(variance) / 255, surroundBrightness);
  }

  /**
   * Mean grey level in [0, 1] of the frame between the face box and the box grown to twice its size about its
   * centre, clipped to the frame, sampled on a grid of at most {@link #SURROUND_SAMPLES} squared points (a light
   * behind the person shows there, not in the face); NaN when no sample falls outside the box (a face that fills the
   * frame).
   *
   * @param rgb interleaved 8-bit RGB of the whole frame
   */
  static double surroundBrightness(byte[] rgb, int width, int height, sightline.vision.BoundingBox box) {
    double cx = box.centre().x(), cy = box.centre().y();
    double x0 = Math.max(0, cx - box.width()), x1 = Math.min(width - 1, cx + box.width());
    double y0 = Math.max(0, cy - box.height()), y1 = Math.min(height - 1, cy + box.height());
    double stepX = Math.max(1, (x1 - x0) / SURROUND_SAMPLES), stepY = Math.max(1, (y1 - y0) / SURROUND_SAMPLES);
    double sum = 0;
    int n = 0;
    for (double y = y0; y <= y1; y += stepY) {
      for (double x = x0; x <= x1; x += stepX) {
        if (x >= box.left() && x <= box.right() && y >= box.top() && y <= box.bottom()) continue;
        int p = 3 * ((int) y * width + (int) x);
        sum += 0.299 * (rgb[p] & 0xff) + 0.587 * (rgb[p + 1] & 0xff) + 0.114 * (rgb[p + 2] & 0xff);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n / 255;
  }
}
