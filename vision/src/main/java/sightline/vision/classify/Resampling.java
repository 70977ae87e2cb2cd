package sightline.vision.classify;

/**
 * Separable triangle-filter resampling of 8-bit interleaved RGB into float RGB. A pure function on arrays.
 *
 * <p>Coordinates are continuous pixel coordinates: source pixel {@code j} covers {@code [j, j + 1)}. Output pixel
 * {@code i} of a span of {@code n} pixels samples the source region at its centre,
 * {@code start + (i + 0.5) * length / n}. The triangle's radius is one source pixel when enlarging (plain bilinear)
 * and {@code length / n} source pixels when shrinking, so every source pixel contributes and thin stripes do not
 * alias. Samples beyond the picture's edge repeat the edge pixel.
 */
final class Resampling {

  private Resampling() {
  }

  /** Which source pixels and with which weights (summing to 1) make each output pixel along one axis. */
  record Taps(int[] first, int[] count, float[] weights, int stride) {

    static Taps of(int sourceSize, double start, double length, int n) {
      double step = length / n;
      double radius = Math.max(1.0, step);
      int stride = (int) Math.ceil(2 * radius) + 2;
      int[] first = new int[n];
      int[] count = new int[n];
      float[] weights = new float[n * stride];
      double[] w = new double[stride];
      for (int i = 0; i < n; i++) {
        double centre = start + (i + 0.5) * step;
        int lo = (int) Math.floor(centre - radius);
        int hi = (int) Math.ceil(centre + radius);
        // Indices are clamped into the picture, so taps beyond an edge add weight to the edge pixel.
        int from = clamp(lo, sourceSize);
        int to = clamp(hi, sourceSize);
        java.util.Arrays.fill(w, 0);
        double sum = 0;
        for (int j = lo; j <= hi; j++) {
          double weight = Math.max(0.0, 1.0 - Math.abs(j + 0.5 - centre) / radius);
          w[clamp(j, sourceSize) - from] += weight;
          sum += weight;
        }
        first[i] = from;
        count[i] = to - from + 1;
        for (int t = 0; t < count[i]; t++) {
          weights[i * stride + t] = (float) (w[t] / sum);
        }
      }
      return new Taps(first, count, weights, stride);
    }

    private static int clamp(int j, int size) {
      return Math.max(0, Math.min(size - 1, j));
    }
  }

  /**
   * Resamples the source region {@code (x0, y0, regionWidth, regionHeight)} of {@code rgb} (interleaved, row-major,
   * {@code sourceWidth x sourceHeight}) into the rectangle {@code (dx, dy, dw, dh)} of {@code target}, a float RGB
   * picture {@code targetWidth} pixels wide holding sample values {@code 0..255}. Other target pixels are left as
   * they are.
   *
   * <p>The pass along the axis that shrinks more runs first, so the work is proportional to the source rows and
   * columns read plus the output, whatever the shapes: filtering every source row horizontally first would cost
   * {@code sourceHeight * dw} multiply-adds, 5 billion for a 1 x 23,000,000 picture.
   */
  static void resample(byte[] rgb, int sourceWidth, int sourceHeight, double x0, double y0, double regionWidth,
      double regionHeight, float[] target, int targetWidth, int dx, int dy, int dw, int dh) {
    Taps columns = Taps.of(sourceWidth, x0, regionWidth, dw);
    Taps rows = Taps.of(sourceHeight, y0, regionHeight, dh);
    int rowFrom = rows.first()[0];
    int rowTo = rows.first()[dh - 1] + rows.count()[dh - 1];
    int colFrom = columns.first()[0];
    int colTo = columns.first()[dw - 1] + columns.count()[dw - 1];
    if (rowTo - rowFrom >= dh) {
      verticalFirst(rgb, sourceWidth, rows, columns, colFrom, colTo, target, targetWidth, dx, dy, dw, dh);
      return;
    }
    // Horizontal pass over the (fewer than dh) source rows the vertical taps need, then the vertical pass.
    float[] horizontal = new float[(rowTo - rowFrom) * dw * 3];
    for (int y = rowFrom; y < rowTo; y++) {
      filterRow(rgb, y * sourceWidth * 3, columns, horizontal, (y - rowFrom) * dw * 3, dw);
    }
    int rowLength = dw * 3;
    for (int i = 0; i < dh; i++) {
      int out = ((dy + i) * targetWidth + dx) * 3;
      java.util.Arrays.fill(target, out, out + rowLength, 0f);
      int tap = i * rows.stride();
      for (int t = 0; t < rows.count()[i]; t++) {
        float w = rows.weights()[tap + t];
        int in = (rows.first()[i] + t - rowFrom) * rowLength;
        for (int k = 0; k < rowLength; k++) {
          target[out + k] += w * horizontal[in + k];
        }
      }
    }
  }

  /** Per output row: the weighted sum of its source rows over the needed columns, then the horizontal taps. */
  private static void verticalFirst(byte[] rgb, int sourceWidth, Taps rows, Taps columns, int colFrom, int colTo,
      float[] target, int targetWidth, int dx, int dy, int dw, int dh) {
    int length = (colTo - colFrom) * 3;
    float[] sum = new float[length];
    for (int i = 0; i < dh; i++) {
      java.util.Arrays.fill(sum, 0f);
      int tap = i * rows.stride();
      for (int t = 0; t < rows.count()[i]; t++) {
        float w = rows.weights()[tap + t];
        int in = ((rows.first()[i] + t) * sourceWidth + colFrom) * 3;
        for (int k = 0; k < length; k++) {
          sum[k] += w * (rgb[in + k] & 0xff);
        }
      }
      int out = ((dy + i) * targetWidth + dx) * 3;
      for (int j = 0; j < dw; j++) {
        float r = 0, g = 0, b = 0;
        int p = (columns.first()[j] - colFrom) * 3;
        int ctap = j * columns.stride();
        for (int t = 0; t < columns.count()[j]; t++, p += 3) {
          float w = columns.weights()[ctap + t];
          r += w * sum[p];
          g += w * sum[p + 1];
          b += w * sum[p + 2];
        }
        target[out + 3 * j] = r;
        target[out + 3 * j + 1] = g;
        target[out + 3 * j + 2] = b;
      }
    }
  }

  /** The horizontal taps over one source row (bytes from {@code source}) into {@code dw} float RGB pixels. */
  private static void filterRow(byte[] rgb, int source, Taps columns, float[] out, int at, int dw) {
    for (int i = 0; i < dw; i++) {
      float r = 0, g = 0, b = 0;
      int tap = i * columns.stride();
      int p = source + columns.first()[i] * 3;
      for (int t = 0; t < columns.count()[i]; t++, p += 3) {
        float w = columns.weights()[tap + t];
        r += w * (rgb[p] & 0xff);
        g += w * (rgb[p + 1] & 0xff);
        b += w * (rgb[p + 2] & 0xff);
      }
      out[at + 3 * i] = r;
      out[at + 3 * i + 1] = g;
      out[at + 3 * i + 2] = b;
    }
  }
}
