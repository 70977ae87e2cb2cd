package sightline.vision;

/**
 * Shrinks an interleaved RGB picture fed one source row at a time, top to bottom, so that a decoder never holds
 * the full-size picture. Source column {@code x} belongs to output column {@code floor(x * outWidth / width)} and
 * likewise for rows: every source pixel falls in exactly one output pixel, which gets the rounded mean of its
 * pixels (a box filter). Work is one addition per source sample plus one division per output sample; memory is
 * the output, one row of sums and one index per source column. Not thread-safe; one picture per instance.
 */
final class BoxScaler {

  private final int width;
  private final int height;
  private final int outWidth;
  private final int outHeight;
  private final int[] outColumn;
  private final int[] columnCount;
  private final long[] sums;
  private final byte[] out;
  private int row;
  private int rowsInBand;

  /** Output sizes must be between 1 and the source sizes. */
  BoxScaler(int width, int height, int outWidth, int outHeight) {
    if (outWidth < 1 || outHeight < 1 || outWidth > width || outHeight > height) {
      throw new IllegalArgumentException("cannot shrink " + width + "x" + height + " to " + outWidth + "x" + outHeight);
    }
    this.width = width;
    this.height = height;
    this.outWidth = outWidth;
    this.outHeight = outHeight;
    this.outColumn = new int[width];
    this.columnCount = new int[outWidth];
    for (int x = 0; x < width; x++) {
      outColumn[x] = (int) ((long) x * outWidth / width);
      columnCount[outColumn[x]]++;
    }
    this.sums = new long[outWidth * 3];
    this.out = new byte[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), 3)];
  }

  /** Bytes this scaler holds for a shrink from {@code width} to {@code outWidth x outHeight}. */
  static long memoryBytes(int width, int outWidth, int outHeight) {
    return 4L * width + 4L * outWidth + 24L * outWidth + 3L * outWidth * outHeight;
  }

  private int outRow(int y) {
    return (int) ((long) y * outHeight / height);
  }

  /** Adds the next source row: {@code width} RGB pixels starting at {@code rgb[offset]}. */
  void addRow(byte[] rgb, int offset) {
    if (row >= height) {
      throw new IllegalStateException("all " + height + " rows were added");
    }
    for (int x = 0, p = offset; x < width; x++, p += 3) {
      int o = 3 * outColumn[x];
      sums[o] += rgb[p] & 0xff;
      sums[o + 1] += rgb[p + 1] & 0xff;
      sums[o + 2] += rgb[p + 2] & 0xff;
    }
    rowsInBand++;
    int band = outRow(row);
    row++;
    if (row == height || outRow(row) != band) {
      int at = band * outWidth * 3;
      for (int ox = 0; ox < outWidth; ox++) {
        long n = (long) columnCount[ox] * rowsInBand;
        for (int c = 0; c < 3; c++) {
          out[at + 3 * ox + c] = (byte) ((sums[3 * ox + c] + n / 2) / n);
        }
      }
      java.util.Arrays.fill(sums, 0);
      rowsInBand = 0;
    }
  }

  /** The shrunk picture, once every source row was added. */
  Image result() {
    if (row != height) {
      throw new IllegalStateException(row + " of " + height + " rows were added");
    }
    return Image.adopt(outWidth, outHeight, out);
  }
}
