package sightline.vision.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seed corpus of {@code ImageDecoderFuzzTests}: small honest JPEG and PNG files of every kind the
 * decoder handles and every member of the hostile-image set of at most 4 KB, one file per seed, into both fuzz
 * tests' input directories. Run it after changing the hostile set, and commit the result; findings that the
 * fuzzer adds to those directories stay.
 *
 * <pre>
 * java -cp vision/target/test-classes:vision/target/classes:$(cat vision/target/classpath.txt) \
 *     sightline.vision.testing.FuzzSeeds vision/src/test/resources/sightline/vision/ImageDecoderFuzzTestsInputs
 * </pre>
 */
public final class FuzzSeeds {

  /** Seeds are at most this long, so that the fuzzer's inputs stay small and fast. */
  static final int MAX_SEED_BYTES = 4096;

  private FuzzSeeds() {
  }

  /** The seeds by file name. */
  public static Map<String, byte[]> seeds() {
    var seeds = new LinkedHashMap<String, byte[]>();
    BufferedImage small = JpegFiles.picture(12, 9);
    seeds.put("seed-jpeg-baseline", JpegFiles.baseline(small));
    seeds.put("seed-jpeg-progressive", JpegFiles.progressive(small));
    var grey = new BufferedImage(12, 9, BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(small, 0, 0, null);
    seeds.put("seed-jpeg-grey", JpegFiles.baseline(grey));
    seeds.put("seed-jpeg-cmyk", JpegFiles.fourChannel(JpegFiles.fourChannelRaster(9, 7, 10, 20, 30, 40)));
    seeds.put("seed-jpeg-icc-profile", JpegFiles.withIccChunks(JpegFiles.baseline(small), 300));
    seeds.put("seed-jpeg-cmyk-adobe", JpegFiles.withSegment(JpegFiles.fourChannel(JpegFiles.fourChannelRaster(9, 7,
        10, 20, 30, 40)), 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2}));
    seeds.put("seed-jpeg-exif-6", JpegFiles.withSegment(JpegFiles.baseline(small), 0xE1,
        JpegFiles.exifOrientation(6, ByteOrder.LITTLE_ENDIAN)));
    PngWriter.Samples samples = (x, y, c) -> x * 31 + y * 17 + c * 7;
    // Every colour type at every bit depth: a fuzzer rarely turns one valid header into another (one byte at one
    // place, and the CRC), so each decoding path needs a seed of its own.
    int[][] types = {{PngWriter.GREY, 1}, {PngWriter.GREY, 2}, {PngWriter.GREY, 4}, {PngWriter.GREY, 8},
        {PngWriter.GREY, 16}, {PngWriter.RGB, 8}, {PngWriter.RGB, 16}, {PngWriter.PALETTE, 1}, {PngWriter.PALETTE, 2},
        {PngWriter.PALETTE, 4}, {PngWriter.PALETTE, 8}, {PngWriter.GREY_ALPHA, 8}, {PngWriter.GREY_ALPHA, 16},
        {PngWriter.RGB_ALPHA, 8}, {PngWriter.RGB_ALPHA, 16}};
    for (int[] type : types) {
      int depth = type[1], mask = (1 << depth) - 1;
      for (boolean interlaced : new boolean[] {false, true}) {
        var writer = PngWriter.of(7, 5, depth, type[0]);
        if (interlaced) writer.interlaced();
        if (type[0] == PngWriter.PALETTE) writer.palette(0xff0000, 0x00ff00, 0x0000ff, 0xffffff);
        seeds.put("seed-png-type-" + type[0] + "-" + depth + "-bit" + (interlaced ? "-interlaced" : ""),
            writer.encode((x, y, c) -> samples.sample(x, y, c) & mask));
      }
    }
    for (HostileImage input : HostileImages.all()) {
      if (input.bytes().length <= MAX_SEED_BYTES) {
        seeds.put("hostile-" + input.name(), input.bytes());
      }
    }
    return seeds;
  }

  public static void main(String[] args) throws IOException {
    Path inputs = Path.of(args.length > 0 ? args[0]
        : "vision/src/test/resources/sightline/vision/ImageDecoderFuzzTestsInputs");
    for (String test : new String[] {"decodesOrRefuses", "readsHeadersOrRefuses"}) {
      Path dir = Files.createDirectories(inputs.resolve(test));
      for (var seed : seeds().entrySet()) {
        Files.write(dir.resolve(seed.getKey()), seed.getValue());
      }
    }
  }
}
