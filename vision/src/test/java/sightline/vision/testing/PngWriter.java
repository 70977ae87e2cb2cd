package sightline.vision.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes PNG files of any colour type, bit depth and interlacing, with control over what honest encoders never do
 * (headers that disagree with the data, chunk layout, extra compressed data, broken checksums), for decoder tests
 * and the hostile-image set. Rows use all five filter types in turn, so a decoder's unfiltering is exercised.
 *
 * <pre>{@code
 * byte[] png = PngWriter.of(64, 48, 16, PngWriter.RGB_ALPHA).interlaced().encode((x, y, c) -> (x * 997 + c) & 0xffff);
 * }</pre>
 *
 * Not thread-safe; a builder for one file.
 */
public final class PngWriter {

  /** Colour types (PNG specification, table 11.1). */
  public static final int GREY = 0, RGB = 2, PALETTE = 3, GREY_ALPHA = 4, RGB_ALPHA = 6;

  /** Sample {@code channel} of pixel {@code (x, y)}: a value below {@code 2^bitDepth} (a palette index for PALETTE). */
  @FunctionalInterface
  public interface Samples {
    int sample(int x, int y, int channel);
  }

  private static final int[][] ADAM7 = {
      {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

  private final int width;
  private final int height;
  private final int bitDepth;
  private final int colourType;
  private long headerWidth;
  private long headerHeight;
  private boolean interlaced;
  private byte[] palette;
  private final List<byte[]> beforeData = new ArrayList<>();
  private final List<byte[]> afterData = new ArrayList<>();
  private int idatChunkSize = Integer.MAX_VALUE;
  private boolean badDataCrc;
  private int forcedFilter = -1;
  private byte[] trailing = new byte[0];
  private boolean end = true;

  private PngWriter(int width, int height, int bitDepth, int colourType) {
    this.width = width;
    this.height = height;
    this.headerWidth = width;
    this.headerHeight = height;
    this.bitDepth = bitDepth;
    this.colourType = colourType;
  }

  /** A picture of {@code width x height} pixels whose header says the same (see {@link #headerSize}). */
  public static PngWriter of(int width, int height, int bitDepth, int colourType) {
    return new PngWriter(width, height, bitDepth, colourType);
  }

  /** Samples per pixel for a colour type. */
  public static int channels(int colourType) {
    return switch (colourType) {
      case GREY, PALETTE -> 1;
      case GREY_ALPHA -> 2;
      case RGB -> 3;
      case RGB_ALPHA -> 4;
      default -> throw new IllegalArgumentException("colour type " + colourType);
    };
  }

  /** Adam7 interlacing. */
  public PngWriter interlaced() {
    this.interlaced = true;
    return this;
  }

  /** The size the IHDR announces, when it should differ from the data (a lying header). */
  public PngWriter headerSize(long width, long height) {
    this.headerWidth = width;
    this.headerHeight = height;
    return this;
  }

  /** A PLTE chunk with these {@code 0xRRGGBB} entries. */
  public PngWriter palette(int... rgb) {
    palette = new byte[rgb.length * 3];
    for (int i = 0; i < rgb.length; i++) {
      palette[3 * i] = (byte) (rgb[i] >> 16);
      palette[3 * i + 1] = (byte) (rgb[i] >> 8);
      palette[3 * i + 2] = (byte) rgb[i];
    }
    return this;
  }

  /** An extra chunk after the palette, before the image data (type of four ASCII letters, CRC computed). */
  public PngWriter chunk(String type, byte[] data) {
    beforeData.add(chunkBytes(type, data, false));
    return this;
  }

  /** An extra chunk after the image data, before IEND. */
  public PngWriter chunkAfterData(String type, byte[] data) {
    afterData.add(chunkBytes(type, data, false));
    return this;
  }

  /** Splits the compressed data into IDAT chunks of at most this many bytes. */
  public PngWriter idatChunkSize(int bytes) {
    this.idatChunkSize = bytes;
    return this;
  }

  /** Stores a wrong CRC on every IDAT chunk. */
  public PngWriter badDataCrc() {
    this.badDataCrc = true;
    return this;
  }

  /** Writes every row with this filter type byte (may be an invalid one, above 4) instead of cycling 0–4. */
  public PngWriter filter(int type) {
    this.forcedFilter = type;
    return this;
  }

  /** Bytes appended after the IEND chunk (a polyglot's second half). */
  public PngWriter trailing(byte[] bytes) {
    this.trailing = bytes.clone();
    return this;
  }

  /** Leaves out the IEND chunk. */
  public PngWriter withoutEnd() {
    this.end = false;
    return this;
  }

  /** Encodes the picture with {@link Deflater} at its default level. */
  public byte[] encode(Samples samples) {
    var deflater = new Deflater();
    var compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    forEachRow(samples, row -> {
      deflater.setInput(row);
      while (!deflater.needsInput()) {
        compressed.write(buffer, 0, deflater.deflate(buffer));
      }
    });
    deflater.finish();
    while (!deflater.finished()) {
      compressed.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return assemble(compressed.toByteArray());
  }

  /**
   * An all-zero picture (black, and transparent where there is alpha) whose compressed data is followed by
   * {@code extraZeros} more zero bytes. Written without a deflater, so even gigabytes of inflated data cost only
   * their compressed size (about 1/1032 of it) to build.
   */
  public byte[] encodeZeros(long extraZeros) {
    return assemble(ZeroDeflate.zlib(rawBytes() + extraZeros));
  }

  /** Bytes of filtered rows the data holds (one filter byte per row and pass). */
  public long rawBytes() {
    long total = 0;
    if (!interlaced) {
      return height * (1 + rowBytes(width));
    }
    for (int[] pass : ADAM7) {
      long w = (width - pass[0] + pass[2] - 1) / pass[2];
      long h = (height - pass[1] + pass[3] - 1) / pass[3];
      if (w > 0 && h > 0) {
        total += h * (1 + rowBytes(w));
      }
    }
    return total;
  }

  private long rowBytes(long pixels) {
    return (pixels * channels(colourType) * bitDepth + 7) / 8;
  }

  private interface RowSink {
    void accept(byte[] row);
  }

  private void forEachRow(Samples samples, RowSink sink) {
    if (!interlaced) {
      rows(samples, 0, 0, 1, 1, width, height, sink);
      return;
    }
    for (int[] pass : ADAM7) {
      int w = (width - pass[0] + pass[2] - 1) / pass[2];
      int h = (height - pass[1] + pass[3] - 1) / pass[3];
      if (w > 0 && h > 0) {
        rows(samples, pass[0], pass[1], pass[2], pass[3], w, h, sink);
      }
    }
  }

  private void rows(Samples samples, int x0, int y0, int dx, int dy, int w, int h, RowSink sink) {
    int channels = channels(colourType);
    int length = (int) rowBytes(w);
    int bpp = Math.max(1, channels * bitDepth / 8); // filter distance in bytes
    byte[] previous = new byte[length];
    byte[] raw = new byte[length];
    for (int j = 0; j < h; j++) {
      java.util.Arrays.fill(raw, (byte) 0);
      int bit = 0;
      for (int i = 0; i < w; i++) {
        for (int c = 0; c < channels; c++) {
          int v = samples.sample(x0 + i * dx, y0 + j * dy, c);
          if (bitDepth == 16) {
            raw[bit / 8] = (byte) (v >> 8);
            raw[bit / 8 + 1] = (byte) v;
          } else if (bitDepth == 8) {
            raw[bit / 8] = (byte) v;
          } else {
            raw[bit / 8] |= (byte) ((v & ((1 << bitDepth) - 1)) << (8 - bitDepth - bit % 8));
          }
          bit += bitDepth;
        }
      }
      int type = forcedFilter >= 0 ? forcedFilter : j % 5;
      byte[] row = new byte[length + 1];
      row[0] = (byte) type;
      for (int k = 0; k < length; k++) {
        int a = k >= bpp ? raw[k - bpp] & 0xff : 0;
        int b = previous[k] & 0xff;
        int c = k >= bpp ? previous[k - bpp] & 0xff : 0;
        int predicted = switch (type) {
          case 1 -> a;
          case 2 -> b;
          case 3 -> (a + b) / 2;
          case 4 -> paeth(a, b, c);
          default -> 0;
        };
        row[k + 1] = (byte) ((raw[k] & 0xff) - predicted);
      }
      sink.accept(row);
      byte[] t = previous;
      previous = raw;
      raw = t;
    }
  }

  static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private byte[] assemble(byte[] zlib) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, headerWidth);
    putInt(ihdr, 4, headerHeight);
    ihdr[8] = (byte) bitDepth;
    ihdr[9] = (byte) colourType;
    ihdr[12] = (byte) (interlaced ? 1 : 0);
    out.writeBytes(chunkBytes("IHDR", ihdr, false));
    if (palette != null) {
      out.writeBytes(chunkBytes("PLTE", palette, false));
    }
    beforeData.forEach(out::writeBytes);
    for (int at = 0; at < zlib.length || at == 0; at += idatChunkSize) {
      int length = Math.min(idatChunkSize, zlib.length - at);
      out.writeBytes(chunkBytes("IDAT", java.util.Arrays.copyOfRange(zlib, at, at + length), badDataCrc));
      if (zlib.length == 0) break;
    }
    afterData.forEach(out::writeBytes);
    if (end) {
      out.writeBytes(chunkBytes("IEND", new byte[0], false));
    }
    out.writeBytes(trailing);
    return out.toByteArray();
  }

  /** One chunk: length, type, data, CRC-32 of type and data (inverted when {@code badCrc}). */
  public static byte[] chunkBytes(String type, byte[] data, boolean badCrc) {
    byte[] out = new byte[12 + data.length];
    putInt(out, 0, data.length);
    System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, out, 4, 4);
    System.arraycopy(data, 0, out, 8, data.length);
    var crc = new CRC32();
    crc.update(out, 4, 4 + data.length);
    putInt(out, 8 + data.length, badCrc ? ~crc.getValue() : crc.getValue());
    return out;
  }

  private static void putInt(byte[] b, int at, long v) {
    b[at] = (byte) (v >> 24);
    b[at + 1] = (byte) (v >> 16);
    b[at + 2] = (byte) (v >> 8);
    b[at + 3] = (byte) v;
  }

  /** A zTXt/iCCP-style payload: a Latin-1 keyword, a NUL, compression method 0, then zlib of {@code n} zeros. */
  public static byte[] compressedZerosPayload(String keyword, long n) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    out.write(0);
    out.write(0);
    out.writeBytes(ZeroDeflate.zlib(n));
    return out.toByteArray();
  }
}
