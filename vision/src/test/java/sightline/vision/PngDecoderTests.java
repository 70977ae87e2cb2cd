package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import sightline.vision.ImageRejected.Reason;
import sightline.vision.testing.PngWriter;

/**
 * The PNG decoder against the samples the file was written from: every colour type, bit depth and filter, with and
 * without interlacing, at sizes that leave partial bytes and partial Adam7 blocks.
 */
class PngDecoderTests {

  private final ImageDecoder decoder = ImageDecoder.withDefaults();

  private static PngWriter.Samples pattern(int bitDepth) {
    int mask = (1 << bitDepth) - 1;
    return (x, y, c) -> (x * 37 + y * 91 + c * 53 + (x * y) % 29) & mask;
  }

  private static final int[] PALETTE = new int[256];

  static {
    for (int i = 0; i < PALETTE.length; i++) PALETTE[i] = (i * 0x9E3779B1) & 0xffffff;
  }

  /** The 8-bit RGB the decoder must give for pixel (x, y). */
  private static int expected(PngWriter.Samples s, int colourType, int depth, int x, int y) {
    int max = (1 << depth) - 1;
    return switch (colourType) {
      case PngWriter.GREY, PngWriter.GREY_ALPHA -> {
        int v = depth == 16 ? s.sample(x, y, 0) >> 8 : s.sample(x, y, 0) * 255 / max;
        yield v << 16 | v << 8 | v;
      }
      case PngWriter.PALETTE -> PALETTE[s.sample(x, y, 0)];
      default -> {
        int shift = depth == 16 ? 8 : 0;
        yield (s.sample(x, y, 0) >> shift) << 16 | (s.sample(x, y, 1) >> shift) << 8 | s.sample(x, y, 2) >> shift;
      }
    };
  }

  @Test
  void decodesEveryColourTypeBitDepthAndInterlacingExactly() {
    int[][] types = {
        {PngWriter.GREY, 1}, {PngWriter.GREY, 2}, {PngWriter.GREY, 4}, {PngWriter.GREY, 8}, {PngWriter.GREY, 16},
        {PngWriter.RGB, 8}, {PngWriter.RGB, 16}, {PngWriter.PALETTE, 1}, {PngWriter.PALETTE, 2},
        {PngWriter.PALETTE, 4}, {PngWriter.PALETTE, 8}, {PngWriter.GREY_ALPHA, 8}, {PngWriter.GREY_ALPHA, 16},
        {PngWriter.RGB_ALPHA, 8}, {PngWriter.RGB_ALPHA, 16}};
    int[][] sizes = {{1, 1}, {3, 2}, {13, 7}, {61, 47}};
    for (int[] type : types) {
      for (int[] size : sizes) {
        for (boolean interlaced : new boolean[] {false, true}) {
          int colourType = type[0], depth = type[1], w = size[0], h = size[1];
          var writer = PngWriter.of(w, h, depth, colourType);
          if (interlaced) writer.interlaced();
          if (colourType == PngWriter.PALETTE) writer.palette(PALETTE);
          PngWriter.Samples samples = pattern(depth);
          Image image = decoder.decode(writer.encode(samples));
          assertThat(image.width()).isEqualTo(w);
          assertThat(image.height()).isEqualTo(h);
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              assertThat(image.rgbAt(x, y))
                  .as("colour type %d, %d bits, %dx%d, interlaced %s, pixel (%d,%d)", colourType, depth, w, h,
                      interlaced, x, y)
                  .isEqualTo(expected(samples, colourType, depth, x, y));
            }
          }
        }
      }
    }
  }

  @Test
  void agreesWithImageIoOnAnOrdinaryPicture() throws Exception {
    var picture = sightline.vision.testing.JpegFiles.picture(97, 61);
    var bytes = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(picture, "png", bytes);
    assertThat(decoder.decode(bytes.toByteArray())).isEqualTo(Image.fromBufferedImage(picture));
  }

  @Test
  void shrinkingWhileDecodingEqualsShrinkingTheFullPicture() {
    for (boolean interlaced : new boolean[] {false, true}) {
      var writer = PngWriter.of(203, 117, 16, PngWriter.RGB_ALPHA);
      if (interlaced) writer.interlaced();
      byte[] png = writer.encode(pattern(16));
      Image full = decoder.decode(png);
      Image small = decoder.decode(png, 50);
      assertThat(small.width()).isEqualTo(50);
      assertThat(small.height()).isEqualTo(29); // 117 * 50 / 203 = 28.8
      var scaler = new BoxScaler(203, 117, 50, 29);
      for (int y = 0; y < 117; y++) scaler.addRow(full.rgb(), 3 * 203 * y);
      assertThat(small).isEqualTo(scaler.result());
      assertThat(decoder.decode(png, 203)).isEqualTo(full);
      assertThat(decoder.decode(png, 5000)).isEqualTo(full);
    }
  }

  @Test
  void readsDataSplitAcrossChunksAndIgnoresWhatFollowsTheRows() {
    PngWriter.Samples samples = pattern(8);
    Image expected = decoder.decode(PngWriter.of(40, 30, 8, PngWriter.RGB).encode(samples));
    assertThat(decoder.decode(PngWriter.of(40, 30, 8, PngWriter.RGB).idatChunkSize(7).encode(samples)))
        .isEqualTo(expected);
    // The header says 15 rows; the data holds 30. Only the first 15 are inflated.
    Image half = decoder.decode(PngWriter.of(40, 30, 8, PngWriter.RGB).headerSize(40, 15).encode(samples));
    assertThat(half.height()).isEqualTo(15);
    assertThat(half.rgbAt(39, 14)).isEqualTo(expected.rgbAt(39, 14));
  }

  @Test
  void refusesDataThatEndsBeforeTheLastRow() {
    // A valid zlib stream of only part of the rows: the chunk layout and checksums are fine.
    byte[] rows = new byte[10 * (1 + 3 * 40)];
    var deflater = new Deflater();
    deflater.setInput(rows);
    deflater.finish();
    byte[] zlib = new byte[1024];
    zlib = Arrays.copyOf(zlib, deflater.deflate(zlib));
    byte[] png = concat(PngWriter.of(40, 30, 8, PngWriter.RGB).encode((x, y, c) -> 0), zlib);
    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
  }

  /** {@code png} with its image data replaced by one IDAT chunk holding {@code zlib}. */
  private static byte[] concat(byte[] png, byte[] zlib) {
    var out = new java.io.ByteArrayOutputStream();
    int pos = 8;
    out.write(png, 0, 8);
    boolean written = false;
    while (pos < png.length) {
      int length = (png[pos] & 0xff) << 24 | (png[pos + 1] & 0xff) << 16 | (png[pos + 2] & 0xff) << 8 | (png[pos + 3] & 0xff);
      String type = new String(png, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (type.equals("IDAT")) {
        if (!written) out.writeBytes(PngWriter.chunkBytes("IDAT", zlib, false));
        written = true;
      } else {
        out.write(png, pos, 12 + length);
      }
      pos += 12 + length;
    }
    return out.toByteArray();
  }
}
