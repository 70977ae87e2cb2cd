package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sightline.vision.ImageRejected.Reason;
import sightline.vision.testing.PngWriter;

class ImageDecoderTests {

  private final ImageDecoder decoder = ImageDecoder.withDefaults();

  private static void assertColour(Image image, int x, int y, int expected) {
    int actual = image.rgbAt(x, y);
    for (int shift = 0; shift <= 16; shift += 8) {
      assertThat(Math.abs((actual >> shift & 0xff) - (expected >> shift & 0xff)))
          .as("channel at shift %d of pixel (%d,%d): %06x vs %06x", shift, x, y, actual, expected)
          .isLessThanOrEqualTo(24);
    }
  }

  private static void assertQuadrants(Image image) {
    int w = image.width();
    int h = image.height();
    assertColour(image, w / 4, h / 4, 0xff0000);
    assertColour(image, 3 * w / 4, h / 4, 0x00ff00);
    assertColour(image, w / 4, 3 * h / 4, 0x0000ff);
    assertColour(image, 3 * w / 4, 3 * h / 4, 0xffffff);
  }

  @Test
  void decodesJpegByContentWhateverItIsCalled() {
    Image image = decoder.decode(TestImages.jpeg(TestImages.quadrants()));
    assertThat(image.width()).isEqualTo(32);
    assertThat(image.height()).isEqualTo(24);
    assertQuadrants(image);
  }

  @Test
  void decodesPngExactly() {
    Image original = TestImages.quadrants();
    assertThat(decoder.decode(TestImages.png(original.toBufferedImage()))).isEqualTo(original);
  }

  @Test
  void ignoresAnEmbeddedIccProfile() {
    byte[] plain = TestImages.jpeg(TestImages.quadrants());
    byte[] withProfile = TestImages.withSegment(plain, 0xE2, TestImages.iccSrgbSegment());
    assertThat(decoder.decode(withProfile)).isEqualTo(decoder.decode(plain));
  }

  @Test
  void stripsOnlyTheIccSegments() {
    byte[] plain = TestImages.jpeg(TestImages.quadrants());
    byte[] withProfile = TestImages.withSegment(plain, 0xE2, TestImages.iccSrgbSegment());
    assertThat(JpegDecoder.withoutIccProfile(withProfile)).isEqualTo(plain);
    assertThat(JpegDecoder.withoutIccProfile(plain)).isEqualTo(plain);
  }

  @Test
  void appliesExifOrientationInBothByteOrders() {
    // Stored picture is the quadrants turned 90 degrees anticlockwise; orientation 6 says "turn clockwise to view".
    Image upright = TestImages.quadrants();
    Image stored = Orientation.apply(Orientation.apply(Orientation.apply(upright, 6), 6), 6);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      byte[] jpeg = TestImages.withSegment(TestImages.jpeg(stored), 0xE1, TestImages.exifOrientation(6, order));
      Image decoded = decoder.decode(jpeg);
      assertThat(decoded.width()).isEqualTo(32);
      assertThat(decoded.height()).isEqualTo(24);
      assertQuadrants(decoded);
    }
  }

  @Test
  void everyOrientationIsUndoneByItsInverse() {
    Image image = TestImages.quadrants(5, 3);
    int[] inverse = {0, 1, 2, 3, 4, 5, 8, 7, 6};
    for (int o = 1; o <= 8; o++) {
      Image turned = Orientation.apply(image, o);
      assertThat(Orientation.apply(turned, inverse[o])).as("orientation %d", o).isEqualTo(image);
    }
    // Orientation 6: the stored top-left pixel ends at the top-right.
    byte[] rgb = new byte[2 * 1 * 3];
    rgb[0] = 10; // (0,0) red = 10
    Image turned = Orientation.apply(new Image(2, 1, rgb), 6);
    assertThat(turned.width()).isEqualTo(1);
    assertThat(turned.height()).isEqualTo(2);
    assertThat(turned.rgbAt(0, 0) >> 16).isEqualTo(10);
  }

  @Test
  void convertsGreyJpegAndSixteenBitPng() {
    var grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(2, 3, 0, 200);
    Image fromPng = decoder.decode(TestImages.png(grey));
    assertThat(fromPng.rgbAt(2, 3)).isEqualTo(0xc8c8c8);
    assertThat(fromPng.rgbAt(0, 0)).isZero();
    Image fromJpeg = decoder.decode(TestImages.jpeg(grey));
    assertThat(fromJpeg.width()).isEqualTo(8);
    int p = fromJpeg.rgbAt(7, 7);
    assertThat(p >> 16 & 0xff).isEqualTo(p & 0xff);

    var grey16 = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    grey16.getRaster().setSample(1, 1, 0, 0xABCD);
    assertThat(decoder.decode(TestImages.png(grey16)).rgbAt(1, 1)).isEqualTo(0xababab);
  }

  @Test
  void convertsCmykJpeg() {
    // No Adobe segment: samples are ink amounts. 100% cyan + 0 K = (0, 255, 255).
    byte[] jpeg = TestImages.rawFourChannelJpeg(TestImages.cmykRaster(16, 16, 255, 0, 0, 0));
    Image image = decoder.decode(jpeg);
    assertColour(image, 8, 8, 0x00ffff);
  }

  @Test
  void cmykConversionHandlesAdobeInversionAndYcck() {
    var inverted = TestImages.cmykRaster(1, 1, 255, 0, 255, 255); // Adobe: 255 = no ink, so magenta only
    assertThat(JpegDecoder.fourChannelToRgb(inverted, 0).rgbAt(0, 0)).isEqualTo(0xff00ff);
    var plain = TestImages.cmykRaster(1, 1, 0, 0, 0, 128); // half black
    assertThat(JpegDecoder.fourChannelToRgb(plain, -1).rgbAt(0, 0)).isEqualTo(0x7f7f7f);
    var ycck = TestImages.cmykRaster(1, 1, 255, 128, 128, 255); // Y=255 neutral: no C, M, Y ink; no K
    assertThat(JpegDecoder.fourChannelToRgb(ycck, 2).rgbAt(0, 0)).isEqualTo(0xffffff);
  }

  @Test
  void refusesAHugeHeaderBeforeDecoding() {
    byte[] jpeg = TestImages.jpeg(TestImages.quadrants());
    // Patch the SOF0 frame header to claim 60000 x 60000 pixels; the scan data stays tiny.
    for (int i = 2; i < jpeg.length - 8; i++) {
      if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
        jpeg[i + 5] = (byte) 0xEA; jpeg[i + 6] = (byte) 0x60;
        jpeg[i + 7] = (byte) 0xEA; jpeg[i + 8] = (byte) 0x60;
        break;
      }
    }
    assertThatThrownBy(() -> decoder.decode(jpeg))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageContaining("60000x60000");

    byte[] png = PngWriter.of(8, 8, 8, PngWriter.RGB).headerSize(100_000, 100_000).encode((x, y, c) -> 0);
    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void appliesConfiguredLimits() {
    var small = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxPixels(100));
    assertThatThrownBy(() -> small.decode(TestImages.jpeg(TestImages.quadrants())))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    var fewBytes = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxBytes(10));
    assertThatThrownBy(() -> fewBytes.decode(TestImages.jpeg(TestImages.quadrants())))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void refusesTruncatedFiles() {
    byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 64));
    for (int keep : new int[] {jpeg.length / 2, jpeg.length - 40, 40, 3}) {
      assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, keep)))
          .as("jpeg cut at %d", keep)
          .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }
    byte[] png = TestImages.png(TestImages.quadrants(64, 64).toBufferedImage());
    for (int keep : new int[] {png.length / 2, png.length - 4, 20}) {
      assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(png, keep)))
          .as("png cut at %d", keep)
          .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }
  }

  @Test
  void refusesCorruptData() {
    byte[] png = TestImages.png(TestImages.quadrants(64, 64).toBufferedImage());
    for (int i = 45; i < png.length - 20; i++) png[i] ^= 0x5A; // scramble the compressed pixels
    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("damaged");

    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x12, 0x34};
    assertThatThrownBy(() -> decoder.decode(jpeg)).isInstanceOf(ImageRejected.class);
  }

  @Test
  void refusesNonImagesAndOtherFormats() {
    assertThatThrownBy(() -> decoder.decode(new byte[0]))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    assertThatThrownBy(() -> decoder.decode("<html>hello</html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE))
        .hasMessage("The file is not a JPEG or PNG image.");
    assertThatThrownBy(() -> decoder.decode("GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
        .hasMessageContaining("GIF");
  }

  @Test
  void decodesAJpegStraightToTheSizeAskedFor() {
    byte[] jpeg = TestImages.jpeg(TestImages.quadrants(640, 480));
    for (int maxSide : new int[] {320, 300, 100, 7}) {
      Image image = decoder.decode(jpeg, maxSide);
      assertThat(image.width()).as("max side %d", maxSide).isEqualTo(maxSide);
      assertThat(image.height()).isEqualTo(Math.round(480f * maxSide / 640));
      if (maxSide >= 100) assertQuadrants(image);
    }
    assertThat(decoder.decode(jpeg, 640)).isEqualTo(decoder.decode(jpeg));
    // Grey and CMYK take their own paths.
    var grey = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(150, 50, 0, 200);
    assertThat(decoder.decode(TestImages.jpeg(grey), 50).width()).isEqualTo(50);
    Image cmyk = decoder.decode(TestImages.rawFourChannelJpeg(TestImages.cmykRaster(64, 48, 255, 0, 0, 0)), 16);
    assertThat(cmyk.width()).isEqualTo(16);
    assertThat(cmyk.height()).isEqualTo(12);
    assertColour(cmyk, 8, 6, 0x00ffff);
  }

  @Test
  void aPlanGivesTheUprightSizesAndTheEstimateBeforeDecoding() {
    Image stored = TestImages.quadrants(640, 480);
    byte[] jpeg = TestImages.withSegment(TestImages.jpeg(stored), 0xE1, TestImages.exifOrientation(6, ByteOrder.BIG_ENDIAN));
    DecodePlan plan = decoder.plan(jpeg, 320);
    assertThat(plan.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(plan.sourceWidth()).isEqualTo(480);
    assertThat(plan.sourceHeight()).isEqualTo(640);
    assertThat(plan.width()).isEqualTo(240);
    assertThat(plan.height()).isEqualTo(320);
    // A 320x240 raster read at every second pixel, its turned copy, and libjpeg's row buffers.
    assertThat(plan.estimatedBytes()).isBetween(2L * 320 * 240 * 3, 4L * 320 * 240 * 3);
    Image image = plan.decode();
    assertThat(image.width()).isEqualTo(240);
    assertThat(image.height()).isEqualTo(320);
    assertThat(decoder.plan(jpeg).width()).isEqualTo(480);
    assertThatThrownBy(() -> decoder.plan(jpeg, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesADecodeWhoseMemoryEstimateIsOverTheLimitUnlessAskedSmaller() {
    byte[] png = PngWriter.of(2000, 1500, 16, PngWriter.RGB_ALPHA).encodeZeros(0);
    var decoder = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxDecodeBytes(4L << 20));
    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOfSatisfying(ImageRejected.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
          assertThat(e.limit()).contains(ImageRejected.Limit.DECODE_MEMORY);
        })
        .hasMessageContaining("2000x1500");
    assertThat(decoder.decode(png, 800).width()).isEqualTo(800);
  }

  @Test
  void limitsKeepTheirTwoValueConstructorAndCheckEveryBound() {
    var limits = new ImageDecoder.Limits(1000, 10);
    assertThat(limits.maxPixels()).isEqualTo(1000);
    assertThat(limits.maxBytes()).isEqualTo(10);
    assertThat(limits.maxSide()).isEqualTo(ImageDecoder.Limits.defaults().maxSide());
    assertThat(limits.withMaxSide(64).withMaxAspectRatio(2).withMaxScans(3).withMaxDecodeBytes(99))
        .isEqualTo(new ImageDecoder.Limits(1000, 10, 64, 2, 3, 99));
    assertThatThrownBy(() -> limits.withMaxAspectRatio(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limits.withMaxAspectRatio(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limits.withMaxSide(0)).isInstanceOf(IllegalArgumentException.class);
    var frames = ImageDecoder.Limits.cameraFrames();
    assertThat(frames.maxSide()).isLessThan(ImageDecoder.Limits.defaults().maxSide());

    byte[] wide = TestImages.jpeg(TestImages.quadrants(100, 20));
    assertThatThrownBy(() -> new ImageDecoder(frames).decode(wide))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(ImageRejected.Limit.ASPECT_RATIO));
    assertThatThrownBy(() -> new ImageDecoder(ImageDecoder.Limits.defaults().withMaxSide(99)).decode(wide))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(ImageRejected.Limit.SIDE));
    byte[] progressive = sightline.vision.testing.JpegFiles.progressive(TestImages.quadrants(64, 48).toBufferedImage());
    assertThatThrownBy(() -> new ImageDecoder(ImageDecoder.Limits.defaults().withMaxScans(9)).decode(progressive))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(ImageRejected.Limit.SCANS));
    assertQuadrants(new ImageDecoder(ImageDecoder.Limits.defaults().withMaxScans(10)).decode(progressive));
  }

  @Test
  void refusesSvgAndJpegXlByName() {
    assertThatThrownBy(() -> decoder.decode("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
        .hasMessageContaining("SVG");
    assertThatThrownBy(() -> decoder.decode("<?xml version='1.0'?><note/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
  }

  @Test
  void anAdoptedArrayIsKeptAndAnyOtherIsCopied() {
    byte[] rgb = new byte[3];
    Image adopted = Image.adopt(1, 1, rgb);
    rgb[0] = 7;
    assertThat(adopted.rgbAt(0, 0) >> 16).isEqualTo(7);
    Image copied = new Image(1, 1, rgb);
    rgb[0] = 9;
    assertThat(copied.rgbAt(0, 0) >> 16).isEqualTo(7);
  }

  @Test
  void imageCopiesItsPixels() {
    byte[] rgb = new byte[3];
    var image = new Image(1, 1, rgb);
    rgb[0] = 9;
    image.rgb()[1] = 9;
    assertThat(image.rgbAt(0, 0)).isZero();
    assertThat(image.mirrored().mirrored()).isEqualTo(image);
    assertThatThrownBy(() -> new Image(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class);
  }
}
