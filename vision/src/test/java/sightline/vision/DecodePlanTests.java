package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sightline.vision.testing.JpegFiles;
import sightline.vision.testing.PngWriter;

/**
 * The memory estimate against what decoding really allocates on the Java heap (the thread's allocation counter):
 * it must never be below it, and for ordinary pictures not far above it, so that a budget built on the estimate
 * is neither unsafe nor wasteful. libjpeg's native coefficient array, part of the estimate for multi-scan JPEGs,
 * is not on the heap and not measured here.
 */
class DecodePlanTests {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ImageDecoder DECODER = ImageDecoder.withDefaults();
  private static byte[] jpeg;
  private static byte[] rotatedJpeg;
  private static byte[] greyJpeg;
  private static byte[] cmykJpeg;
  private static byte[] progressiveJpeg;

  @BeforeAll
  static void pictures() {
    var picture = JpegFiles.picture(3000, 2000);
    jpeg = JpegFiles.baseline(picture);
    rotatedJpeg = JpegFiles.withSegment(jpeg, 0xE1, JpegFiles.exifOrientation(6, ByteOrder.LITTLE_ENDIAN));
    progressiveJpeg = JpegFiles.progressive(picture);
    var grey = new java.awt.image.BufferedImage(3000, 2000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(picture, 0, 0, null);
    greyJpeg = JpegFiles.baseline(grey);
    cmykJpeg = JpegFiles.fourChannel(JpegFiles.fourChannelRaster(2000, 1500, 10, 200, 30, 40));
    for (byte[] warmUp : new byte[][] {jpeg, greyJpeg, cmykJpeg, progressiveJpeg}) {
      DECODER.decode(warmUp, 64); // loads ImageIO's classes, so that they are not counted below
    }
    for (var png : new PngWriter[] {PngWriter.of(64, 64, 8, PngWriter.RGB), PngWriter.of(64, 64, 8, PngWriter.RGB).interlaced()}) {
      byte[] bytes = png.encodeZeros(0);
      DECODER.decode(bytes);
      DECODER.decode(bytes, 16);
    }
  }

  private static long allocated(DecodePlan plan) {
    long self = Thread.currentThread().threadId();
    long before = THREADS.getThreadAllocatedBytes(self);
    Image image = plan.decode();
    long after = THREADS.getThreadAllocatedBytes(self);
    assertThat(image.width()).isEqualTo(plan.width());
    return after - before;
  }

  /** The estimate covers the allocation and, for a single-scan picture, is within 40% of it. */
  private static void assertTight(String what, DecodePlan plan) {
    long allocated = allocated(plan);
    assertThat(plan.estimatedBytes()).as("%s: estimate vs allocated %d", what, allocated)
        .isGreaterThanOrEqualTo(allocated)
        .isLessThanOrEqualTo(allocated * 14 / 10 + (1 << 20));
  }

  @Test
  void estimatesBaselineJpegAtFullAndSmallerSizes() {
    assertTight("full", DECODER.plan(jpeg));
    assertTight("turned", DECODER.plan(rotatedJpeg));
    assertTight("1000 a side", DECODER.plan(jpeg, 1000));
    assertTight("turned, 777 a side", DECODER.plan(rotatedJpeg, 777));
    assertTight("grey", DECODER.plan(greyJpeg));
    assertTight("grey, 640 a side", DECODER.plan(greyJpeg, 640));
    assertTight("cmyk", DECODER.plan(cmykJpeg));
    assertTight("cmyk, 500 a side", DECODER.plan(cmykJpeg, 500));
  }

  @Test
  void estimatesEveryPngLayoutAtFullAndSmallerSizes() {
    for (int[] type : new int[][] {{PngWriter.RGB_ALPHA, 16}, {PngWriter.GREY, 1}, {PngWriter.RGB, 8}}) {
      for (boolean interlaced : new boolean[] {false, true}) {
        var writer = PngWriter.of(2400, 1600, type[1], type[0]);
        if (interlaced) writer.interlaced();
        byte[] png = writer.encodeZeros(0);
        String what = "colour type " + type[0] + ", " + type[1] + " bits, interlaced " + interlaced;
        assertTight(what, DECODER.plan(png));
        assertTight(what + ", 600 a side", DECODER.plan(png, 600));
      }
    }
  }

  @Test
  void countsLibjpegsCoefficientsForAProgressiveJpeg() {
    DecodePlan plan = DECODER.plan(progressiveJpeg);
    assertThat(allocated(plan)).isLessThanOrEqualTo(plan.estimatedBytes());
    // 3000x2000 at 4:2:0: 94,000 luma and 2 x 23,500 chroma blocks of 128 bytes, held natively, on top of the
    // 18 MB raster.
    assertThat(plan.estimatedBytes()).isGreaterThan(18_000_000L + 17_000_000L);
    assertThat(DECODER.plan(progressiveJpeg, 500).estimatedBytes()).isGreaterThan(17_000_000L);
  }
}
