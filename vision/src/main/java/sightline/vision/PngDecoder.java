package sightline.vision;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import sightline.vision.ImageRejected.Reason;

/**
 * Decodes PNG image data row by row into 8-bit RGB, optionally shrinking on the way ({@link BoxScaler}), so that
 * memory is the output plus two rows whatever the bit depth: ImageIO's reader first builds a raster of the stored
 * samples (8 bytes per pixel for 16-bit RGBA) and then a converted copy. Every colour type and bit depth, with
 * Adam7 interlacing (which needs the full-size picture before shrinking). 16-bit samples keep their high byte; grey
 * below 8 bits is scaled to 0–255; palette indices beyond the palette are black; alpha is dropped.
 *
 * <p>Inflates exactly the bytes the rows need: data after the last row (a zlib bomb's payload) is never inflated.
 * The header was checked by {@link ImageHeader} (chunk layout, CRCs, limits). Package-private, stateless.
 */
final class PngDecoder {

  private PngDecoder() {
  }

  /** Memory {@link #decode} holds at its peak, besides the input, for a picture shrunk to {@code outW x outH}. */
  static long memoryBytes(ImageHeader.Png png, int outW, int outH) {
    // Two rows of samples and one of RGB (per pass when interlaced: the passes' widths add up to 2.75 rows), and
    // the inflater's native state.
    long rows = (png.interlaced() ? 3 : 1) * (2 * (png.rowBytes(png.width()) + 1) + 3L * png.width() + 768)
        + 64 * 1024;
    boolean shrinks = outW != png.width() || outH != png.height();
    long full = 3L * png.width() * png.height();
    if (!shrinks) {
      return rows + full;
    }
    long shrunk = BoxScaler.memoryBytes(png.width(), outW, outH);
    return rows + shrunk + (png.interlaced() ? full : 0);
  }

  /** The stored picture (no orientation applied), shrunk to {@code outW x outH} when that is smaller. */
  static Image decode(byte[] data, ImageHeader.Png png, int outW, int outH) {
    var stream = new ImageData(data);
    try {
      int w = png.width(), h = png.height();
      boolean shrinks = outW != w || outH != h;
      if (!png.interlaced()) {
        if (!shrinks) {
          byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
          new Rows(data, png, w).forEach(stream, h, (y, rgb) -> System.arraycopy(rgb, 0, out, y * w * 3, w * 3));
          return Image.adopt(w, h, out);
        }
        var scaler = new BoxScaler(w, h, outW, outH);
        new Rows(data, png, w).forEach(stream, h, (y, rgb) -> scaler.addRow(rgb, 0));
        return scaler.result();
      }
      byte[] full = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
      for (int[] pass : ImageHeader.Png.ADAM7) {
        int passW = (w - pass[0] + pass[2] - 1) / pass[2];
        int passH = (h - pass[1] + pass[3] - 1) / pass[3];
        if (passW == 0 || passH == 0) continue;
        new Rows(data, png, passW).forEach(stream, passH, (j, rgb) -> {
          int y = pass[1] + j * pass[3];
          for (int i = 0; i < passW; i++) {
            int o = 3 * (y * w + pass[0] + i * pass[2]);
            full[o] = rgb[3 * i];
            full[o + 1] = rgb[3 * i + 1];
            full[o + 2] = rgb[3 * i + 2];
          }
        });
      }
      if (!shrinks) {
        return Image.adopt(w, h, full);
      }
      var scaler = new BoxScaler(w, h, outW, outH);
      for (int y = 0; y < h; y++) {
        scaler.addRow(full, y * w * 3);
      }
      return scaler.result();
    } finally {
      stream.end();
    }
  }

  private interface RowSink {
    void accept(int y, byte[] rgb);
  }

  /** Unfilters the rows of one pass (or of the whole picture) and converts each to 8-bit RGB. */
  private static final class Rows {
    private final ImageHeader.Png png;
    private final int pixels;
    private final int bytesPerPixel; // filter distance, at least 1
    private byte[] previous;
    private byte[] current;
    private final byte[] rgb;
    private final byte[] palette = new byte[256 * 3]; // entries beyond the PLTE stay black

    Rows(byte[] data, ImageHeader.Png png, int pixels) {
      this.png = png;
      this.pixels = pixels;
      this.bytesPerPixel = Math.max(1, png.channels() * png.bitDepth() / 8);
      int length = (int) png.rowBytes(pixels) + 1; // with the filter-type byte in [0]
      this.previous = new byte[length];
      this.current = new byte[length];
      this.rgb = new byte[3 * pixels];
      if (png.paletteOffset() >= 0) {
        System.arraycopy(data, png.paletteOffset(), palette, 0, 3 * png.paletteEntries());
      }
    }

    void forEach(ImageData stream, int rows, RowSink sink) {
      for (int y = 0; y < rows; y++) {
        stream.readFully(current);
        unfilter();
        toRgb();
        sink.accept(y, rgb);
        byte[] t = previous;
        previous = current;
        current = t;
      }
    }

    private void unfilter() {
      byte[] c = current, p = previous;
      int bpp = bytesPerPixel;
      int n = c.length;
      switch (c[0]) {
        case 0 -> { }
        case 1 -> {
          for (int i = 1 + bpp; i < n; i++) c[i] += c[i - bpp];
        }
        case 2 -> {
          for (int i = 1; i < n; i++) c[i] += p[i];
        }
        case 3 -> {
          for (int i = 1; i < n; i++) {
            int a = i > bpp ? c[i - bpp] & 0xff : 0;
            c[i] += (byte) ((a + (p[i] & 0xff)) >>> 1);
          }
        }
        case 4 -> {
          for (int i = 1; i < n; i++) {
            int a = i > bpp ? c[i - bpp] & 0xff : 0;
            int b = p[i] & 0xff;
            int d = i > bpp ? p[i - bpp] & 0xff : 0;
            c[i] += (byte) paeth(a, b, d);
          }
        }
        default -> throw new ImageRejected(Reason.CORRUPT, "The PNG data is damaged (unknown row filter).");
      }
    }

    private static int paeth(int a, int b, int c) {
      int p = a + b - c;
      int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private void toRgb() {
      byte[] c = current;
      int depth = png.bitDepth();
      switch (png.colourType()) {
        case 0 -> { // grey
          for (int x = 0; x < pixels; x++) {
            byte v = depth == 16 ? c[1 + 2 * x] : depth == 8 ? c[1 + x] : (byte) (small(c, x, depth) * 255 / ((1 << depth) - 1));
            rgb[3 * x] = v;
            rgb[3 * x + 1] = v;
            rgb[3 * x + 2] = v;
          }
        }
        case 2 -> { // RGB
          if (depth == 8) {
            System.arraycopy(c, 1, rgb, 0, 3 * pixels);
          } else {
            for (int x = 0, s = 1; x < 3 * pixels; x++, s += 2) rgb[x] = c[s];
          }
        }
        case 3 -> { // palette
          for (int x = 0; x < pixels; x++) {
            int index = depth == 8 ? c[1 + x] & 0xff : small(c, x, depth);
            System.arraycopy(palette, 3 * index, rgb, 3 * x, 3);
          }
        }
        case 4 -> { // grey and alpha
          int step = depth == 16 ? 4 : 2;
          for (int x = 0, s = 1; x < pixels; x++, s += step) {
            rgb[3 * x] = c[s];
            rgb[3 * x + 1] = c[s];
            rgb[3 * x + 2] = c[s];
          }
        }
        default -> { // RGB and alpha
          int sample = depth == 16 ? 2 : 1;
          for (int x = 0, s = 1; x < pixels; x++, s += 4 * sample) {
            rgb[3 * x] = c[s];
            rgb[3 * x + 1] = c[s + sample];
            rgb[3 * x + 2] = c[s + 2 * sample];
          }
        }
      }
    }

    /** Sample {@code x} of a row packed at 1, 2 or 4 bits, most significant bits first. */
    private static int small(byte[] c, int x, int depth) {
      int bit = x * depth;
      return (c[1 + (bit >> 3)] & 0xff) >> (8 - depth - (bit & 7)) & ((1 << depth) - 1);
    }
  }

  /** The concatenated IDAT chunks, inflated on demand. */
  private static final class ImageData {
    private final byte[] data;
    private final Inflater inflater = new Inflater();
    private int pos = 8; // the next chunk to look at

    ImageData(byte[] data) {
      this.data = data;
    }

    void readFully(byte[] buffer) {
      int n = 0;
      try {
        while (n < buffer.length) {
          int k = inflater.inflate(buffer, n, buffer.length - n);
          n += k;
          if (k == 0) {
            if (inflater.finished()) {
              throw new ImageRejected(Reason.TRUNCATED, "The PNG image data ends before the picture is complete.");
            }
            if (inflater.needsDictionary()) {
              throw new ImageRejected(Reason.CORRUPT, "The PNG data is damaged (it asks for a preset dictionary).");
            }
            if (inflater.needsInput() && !nextChunk()) {
              throw new ImageRejected(Reason.TRUNCATED, "The PNG image data ends before the picture is complete.");
            }
          }
        }
      } catch (DataFormatException e) {
        throw new ImageRejected(Reason.CORRUPT, "The PNG data is damaged and cannot be decoded.", e);
      }
    }

    /** Feeds the next non-empty IDAT chunk to the inflater; false when only IEND is left. */
    private boolean nextChunk() {
      while (true) {
        int length = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8
            | (data[pos + 3] & 0xff);
        boolean idat = data[pos + 4] == 'I' && data[pos + 5] == 'D' && data[pos + 6] == 'A' && data[pos + 7] == 'T';
        boolean end = data[pos + 4] == 'I' && data[pos + 5] == 'E' && data[pos + 6] == 'N' && data[pos + 7] == 'D';
        if (end) {
          return false;
        }
        int start = pos + 8;
        pos = start + length + 4;
        if (idat && length > 0) {
          inflater.setInput(data, start, length);
          return true;
        }
      }
    }

    void end() {
      inflater.end();
    }
  }
}
