package sightline.vision.testing;

import static sightline.vision.ImageRejected.Reason.CORRUPT;
import static sightline.vision.ImageRejected.Reason.NOT_AN_IMAGE;
import static sightline.vision.ImageRejected.Reason.TOO_LARGE;
import static sightline.vision.ImageRejected.Reason.TRUNCATED;
import static sightline.vision.ImageRejected.Reason.UNSUPPORTED_FORMAT;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import sightline.vision.ImageRejected;

/**
 * The hostile-image set: inputs an attacker (or a broken camera) sends to an image endpoint, each with what the
 * decoder must make of it under its default limits. Bombs by pixels and by aspect ratio, 16-bit and every other
 * PNG colour type and bit depth, interlaced PNG, progressive JPEG and a JPEG with thousands of scans, truncations,
 * headers that disagree with the data, polyglots, other formats, decompression bombs in image data and in
 * metadata, EXIF in every orientation and oversized EXIF and ICC segments.
 *
 * <p>Published in vision's test jar ({@code sightline:vision:test-jar:tests}) so that the application's abuse suite
 * can post the same inputs to every image endpoint. The set has 86 inputs, 9.5 MB in all, built in a second or two;
 * nothing is random, so a failure names the same bytes every time.
 */
public final class HostileImages {

  private HostileImages() {
  }

  /** Every input of the set, in a fixed order; names are unique. */
  public static List<HostileImage> all() {
    var set = new ArrayList<HostileImage>();
    wrongTypes(set);
    bombs(set);
    pngVariants(set);
    jpegVariants(set);
    damaged(set);
    metadata(set);
    polyglots(set);
    return List.copyOf(set);
  }

  /**
   * A valid small JPEG padded with zero bytes to exactly {@code totalBytes} (at least 2 KB), for byte-count
   * limits: the decoder must refuse it as {@code TOO_LARGE} when that is over its limit, without looking further.
   */
  public static HostileImage oversized(int totalBytes) {
    byte[] jpeg = JpegFiles.baseline(JpegFiles.picture(16, 16));
    if (totalBytes < jpeg.length) {
      throw new IllegalArgumentException("at least " + jpeg.length + " bytes");
    }
    return refused("jpeg-padded-to-" + totalBytes + "-bytes", Arrays.copyOf(jpeg, totalBytes), TOO_LARGE);
  }

  private static HostileImage decodes(String name, byte[] bytes, int width, int height) {
    return new HostileImage(name, bytes, new HostileImage.Decodes(width, height));
  }

  private static HostileImage refused(String name, byte[] bytes, ImageRejected.Reason reason) {
    return new HostileImage(name, bytes, new HostileImage.Refused(reason));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A picture with distinct values in every sample, for any bit depth. */
  private static PngWriter.Samples pattern(int bitDepth) {
    int mask = (1 << bitDepth) - 1;
    return (x, y, c) -> (x * 37 + y * 91 + c * 53 + (x * y) % 29) & mask;
  }

  private static byte[] png(int w, int h, int bitDepth, int colourType) {
    return PngWriter.of(w, h, bitDepth, colourType).encode(pattern(bitDepth));
  }

  private static void wrongTypes(List<HostileImage> set) {
    set.add(refused("empty", new byte[0], NOT_AN_IMAGE));
    set.add(refused("one-byte", new byte[] {(byte) 0xFF}, NOT_AN_IMAGE));
    set.add(refused("html-page", ascii("<!doctype html><html><body><img src=x onerror=alert(1)></body></html>"),
        NOT_AN_IMAGE));
    set.add(refused("svg", ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
        + " height=\"10\"><script>alert(1)</script></svg>"), UNSUPPORTED_FORMAT));
    set.add(refused("svg-without-xml-declaration", ascii("  <svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        UNSUPPORTED_FORMAT));
    set.add(refused("gif", ascii("GIF89a\1\0\1\0\0\0\0;"), UNSUPPORTED_FORMAT));
    set.add(refused("bmp", Arrays.copyOf(ascii("BM"), 64), UNSUPPORTED_FORMAT));
    set.add(refused("webp", Arrays.copyOf(ascii("RIFF\u0024\0\0\0WEBPVP8 "), 44), UNSUPPORTED_FORMAT));
    set.add(refused("heic", Arrays.copyOf(ascii("\0\0\0\u0018ftypheic\0\0\0\0mif1heic"), 64), UNSUPPORTED_FORMAT));
    set.add(refused("avif", Arrays.copyOf(ascii("\0\0\0\u001cftypavif\0\0\0\0avifmif1miaf"), 64),
        UNSUPPORTED_FORMAT));
    set.add(refused("tiff", Arrays.copyOf(ascii("II*\0\u0008\0\0\0"), 64), UNSUPPORTED_FORMAT));
    set.add(refused("jpeg-xl", Arrays.copyOf(new byte[] {(byte) 0xFF, 0x0A}, 64), UNSUPPORTED_FORMAT));
    set.add(refused("zip-holding-a-jpeg", zip("photo.jpg", JpegFiles.baseline(JpegFiles.picture(16, 16))),
        NOT_AN_IMAGE));
  }

  private static void bombs(List<HostileImage> set) {
    set.add(refused("png-pixel-bomb-100000x100000",
        PngWriter.of(8, 8, 1, PngWriter.GREY).headerSize(100_000, 100_000).encodeZeros(0), TOO_LARGE));
    byte[] jpeg = JpegFiles.baseline(JpegFiles.picture(64, 48));
    set.add(refused("jpeg-pixel-bomb-65535x65535", JpegFiles.withFrameSize(jpeg, 65535, 65535), TOO_LARGE));
    // 23 million rows of one grey pixel: 45 KB, under a 24-megapixel limit.
    set.add(refused("png-aspect-bomb-1x23000000", PngWriter.of(1, 23_000_000, 8, PngWriter.GREY).encodeZeros(0),
        TOO_LARGE));
    set.add(refused("png-aspect-bomb-23000000x1", PngWriter.of(23_000_000, 1, 8, PngWriter.GREY).encodeZeros(0),
        TOO_LARGE));
    set.add(refused("png-aspect-8192x8", PngWriter.of(8192, 8, 8, PngWriter.RGB).encodeZeros(0), TOO_LARGE));
    set.add(refused("jpeg-aspect-bomb-65000x16", JpegFiles.withFrameSize(jpeg, 65000, 16), TOO_LARGE));
    // 186 KB that inflate to 192 MB of 16-bit RGBA samples: inside the limits, so it must decode, cheaply.
    set.add(decodes("png-16-bit-rgba-4896x4896", PngWriter.of(4896, 4896, 16, PngWriter.RGB_ALPHA).encodeZeros(0),
        4896, 4896));
    set.add(decodes("png-widest-allowed-8192x820", PngWriter.of(8192, 820, 8, PngWriter.RGB).encodeZeros(0), 8192,
        820));
    set.add(refused("png-side-over-limit-8200x1000", PngWriter.of(8200, 1000, 1, PngWriter.GREY).encodeZeros(0),
        TOO_LARGE));
    // A scan-count bomb: libjpeg in the JDK renders the whole picture once per scan.
    byte[] progressive = JpegFiles.progressive(JpegFiles.picture(640, 480));
    set.add(refused("jpeg-progressive-with-5000-scans", JpegFiles.withExtraScans(progressive, 5000), TOO_LARGE));
    // Image data that inflates far beyond the picture, and metadata that inflates to a gigabyte.
    set.add(decodes("png-zlib-bomb-256mb-after-the-rows",
        PngWriter.of(64, 48, 8, PngWriter.RGB).encodeZeros(256L << 20), 64, 48));
    set.add(decodes("png-ztxt-bomb-1gb", PngWriter.of(64, 48, 8, PngWriter.RGB)
        .chunk("zTXt", PngWriter.compressedZerosPayload("Comment", 1L << 30)).encode(pattern(8)), 64, 48));
    set.add(decodes("png-iccp-bomb-1gb", PngWriter.of(64, 48, 8, PngWriter.RGB)
        .chunk("iCCP", PngWriter.compressedZerosPayload("icc", 1L << 30)).encode(pattern(8)), 64, 48));
  }

  private static void pngVariants(List<HostileImage> set) {
    int w = 61, h = 47; // odd sizes: partial bytes at low bit depths, partial Adam7 blocks
    set.add(decodes("png-16-bit-grey", png(w, h, 16, PngWriter.GREY), w, h));
    set.add(decodes("png-16-bit-rgb", png(w, h, 16, PngWriter.RGB), w, h));
    set.add(decodes("png-16-bit-grey-alpha", png(w, h, 16, PngWriter.GREY_ALPHA), w, h));
    set.add(decodes("png-8-bit-grey-alpha", png(w, h, 8, PngWriter.GREY_ALPHA), w, h));
    set.add(decodes("png-8-bit-rgba", png(w, h, 8, PngWriter.RGB_ALPHA), w, h));
    for (int depth : new int[] {1, 2, 4}) {
      set.add(decodes("png-" + depth + "-bit-grey", png(w, h, depth, PngWriter.GREY), w, h));
    }
    int[] palette = new int[256];
    for (int i = 0; i < palette.length; i++) palette[i] = i * 0x010203 & 0xffffff;
    set.add(decodes("png-palette-8-bit-with-transparency", PngWriter.of(w, h, 8, PngWriter.PALETTE)
        .palette(palette).chunk("tRNS", new byte[] {0, 127, (byte) 255}).encode(pattern(8)), w, h));
    set.add(decodes("png-palette-1-bit", PngWriter.of(w, h, 1, PngWriter.PALETTE).palette(0xff0000, 0x00ff00)
        .encode(pattern(1)), w, h));
    set.add(decodes("png-palette-index-beyond-palette", PngWriter.of(w, h, 8, PngWriter.PALETTE)
        .palette(0xff0000, 0x00ff00).encode(pattern(8)), w, h));
    set.add(decodes("png-interlaced-rgb", PngWriter.of(w, h, 8, PngWriter.RGB).interlaced().encode(pattern(8)), w, h));
    set.add(decodes("png-interlaced-palette-2-bit", PngWriter.of(w, h, 2, PngWriter.PALETTE).interlaced()
        .palette(0x000000, 0x555555, 0xaaaaaa, 0xffffff).encode(pattern(2)), w, h));
    set.add(decodes("png-interlaced-16-bit-grey-alpha", PngWriter.of(w, h, 16, PngWriter.GREY_ALPHA).interlaced()
        .encode(pattern(16)), w, h));
    set.add(decodes("png-interlaced-3x2-with-empty-passes", PngWriter.of(3, 2, 8, PngWriter.RGB).interlaced()
        .encode(pattern(8)), 3, 2));
    set.add(decodes("png-1x1", png(1, 1, 8, PngWriter.RGB), 1, 1));
    set.add(decodes("png-image-data-in-1-byte-chunks", PngWriter.of(w, h, 8, PngWriter.RGB).idatChunkSize(1)
        .encode(pattern(8)), w, h));
    var chunks = PngWriter.of(w, h, 8, PngWriter.RGB);
    for (int i = 0; i < 20_000; i++) chunks.chunk("tEXt", ascii("k\0v"));
    set.add(decodes("png-20000-text-chunks", chunks.encode(pattern(8)), w, h));
  }

  private static void jpegVariants(List<HostileImage> set) {
    BufferedImage picture = JpegFiles.picture(64, 48);
    set.add(decodes("jpeg-progressive", JpegFiles.progressive(picture), 64, 48));
    var grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(picture, 0, 0, null);
    set.add(decodes("jpeg-grey", JpegFiles.baseline(grey), 64, 48));
    set.add(decodes("jpeg-progressive-grey", JpegFiles.progressive(grey), 64, 48));
    set.add(decodes("jpeg-1x1", JpegFiles.baseline(JpegFiles.picture(1, 1)), 1, 1));
    byte[] cmyk = JpegFiles.fourChannel(JpegFiles.fourChannelRaster(40, 30, 255, 0, 0, 0));
    set.add(decodes("jpeg-cmyk", cmyk, 40, 30));
    set.add(decodes("jpeg-cmyk-adobe-inverted", JpegFiles.withSegment(cmyk, 0xEE, adobe(0)), 40, 30));
    set.add(decodes("jpeg-ycck-adobe", JpegFiles.withSegment(cmyk, 0xEE, adobe(2)), 40, 30));
    byte[] jpeg = JpegFiles.baseline(picture);
    set.add(refused("jpeg-12-bit", JpegFiles.withPrecision(jpeg, 12), UNSUPPORTED_FORMAT));
    set.add(refused("jpeg-arithmetic-coded", JpegFiles.withFrameMarker(jpeg, 0xC9), UNSUPPORTED_FORMAT));
    set.add(refused("jpeg-lossless", JpegFiles.withFrameMarker(jpeg, 0xC3), UNSUPPORTED_FORMAT));
  }

  private static byte[] adobe(int transform) {
    byte[] payload = Arrays.copyOf(ascii("Adobe"), 12);
    payload[5] = 0;
    payload[6] = 100; // version
    payload[11] = (byte) transform;
    return payload;
  }

  private static void damaged(List<HostileImage> set) {
    byte[] jpeg = JpegFiles.baseline(JpegFiles.picture(64, 48));
    set.add(refused("jpeg-cut-in-the-scan", Arrays.copyOf(jpeg, jpeg.length / 2), TRUNCATED));
    set.add(refused("jpeg-cut-in-the-header", Arrays.copyOf(jpeg, 40), TRUNCATED));
    set.add(refused("jpeg-only-start-marker", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, TRUNCATED));
    set.add(refused("jpeg-header-bigger-than-data", JpegFiles.withFrameSize(jpeg, 640, 480), TRUNCATED));
    byte[] png = png(64, 48, 8, PngWriter.RGB);
    set.add(refused("png-cut-in-the-data", Arrays.copyOf(png, png.length / 2), TRUNCATED));
    set.add(refused("png-only-signature", Arrays.copyOf(png, 8), TRUNCATED));
    set.add(refused("png-without-end", PngWriter.of(64, 48, 8, PngWriter.RGB).withoutEnd().encode(pattern(8)),
        TRUNCATED));
    set.add(refused("png-header-bigger-than-data", PngWriter.of(60, 60, 8, PngWriter.RGB).headerSize(6000, 6000)
        .encode(pattern(8)), TRUNCATED));
    set.add(decodes("png-header-smaller-than-data", PngWriter.of(60, 60, 8, PngWriter.RGB).headerSize(60, 30)
        .encode(pattern(8)), 60, 30));
    set.add(refused("png-bad-data-checksum", PngWriter.of(64, 48, 8, PngWriter.RGB).badDataCrc().encode(pattern(8)),
        CORRUPT));
    set.add(refused("png-unknown-filter-type", PngWriter.of(64, 48, 8, PngWriter.RGB).filter(7).encode(pattern(8)),
        CORRUPT));
    set.add(refused("png-palette-without-plte", png(64, 48, 8, PngWriter.PALETTE), CORRUPT));
    set.add(refused("png-rgb-at-4-bits", png(64, 48, 4, PngWriter.RGB), CORRUPT));
    set.add(refused("png-unknown-critical-chunk", PngWriter.of(64, 48, 8, PngWriter.RGB)
        .chunk("QUUX", new byte[4]).encode(pattern(8)), CORRUPT));
    set.add(refused("png-zero-width", PngWriter.of(64, 48, 8, PngWriter.RGB).headerSize(0, 48).encode(pattern(8)),
        CORRUPT));
    byte[] scrambled = png.clone();
    for (int i = 60; i < scrambled.length - 20; i++) scrambled[i] ^= 0x5A;
    set.add(refused("png-scrambled-data", scrambled, CORRUPT));
  }

  private static void metadata(List<HostileImage> set) {
    byte[] jpeg = JpegFiles.baseline(JpegFiles.picture(64, 48));
    for (int orientation = 1; orientation <= 8; orientation++) {
      ByteOrder order = orientation % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      byte[] oriented = JpegFiles.withSegment(jpeg, 0xE1, JpegFiles.exifOrientation(orientation, order));
      boolean turned = orientation >= 5;
      set.add(decodes("jpeg-exif-orientation-" + orientation, oriented, turned ? 48 : 64, turned ? 64 : 48));
    }
    byte[] app1 = JpegFiles.exifOrientation(6, ByteOrder.BIG_ENDIAN);
    byte[] exif = Arrays.copyOfRange(app1, 6, app1.length); // PNG's eXIf holds the TIFF structure without "Exif\0\0"
    set.add(decodes("png-exif-orientation-6", PngWriter.of(64, 48, 8, PngWriter.RGB).chunk("eXIf", exif)
        .encode(pattern(8)), 48, 64));
    set.add(decodes("jpeg-exif-with-5000-entries", JpegFiles.withSegment(jpeg, 0xE1,
        JpegFiles.exif(6, ByteOrder.LITTLE_ENDIAN, 5000)), 48, 64));
    byte[] many = JpegFiles.withSegments(jpeg, 0xE3, java.util.Collections.nCopies(2000, new byte[1000]));
    set.add(decodes("jpeg-2000-application-segments", many, 64, 48));
    set.add(decodes("jpeg-4mb-icc-profile", JpegFiles.withIccChunks(jpeg, 4 << 20), 64, 48));
    set.add(decodes("jpeg-5000-comments", JpegFiles.withSegments(jpeg, 0xFE,
        java.util.Collections.nCopies(5000, ascii("x"))), 64, 48));
  }

  private static void polyglots(List<HostileImage> set) {
    byte[] jpeg = JpegFiles.baseline(JpegFiles.picture(64, 48));
    byte[] zip = zip("readme.html", ascii("<script>alert(1)</script>"));
    byte[] jpegZip = Arrays.copyOf(jpeg, jpeg.length + zip.length);
    System.arraycopy(zip, 0, jpegZip, jpeg.length, zip.length);
    set.add(decodes("jpeg-followed-by-zip", jpegZip, 64, 48));
    set.add(decodes("png-followed-by-html", PngWriter.of(64, 48, 8, PngWriter.RGB)
        .trailing(ascii("<html><script>alert(document.cookie)</script></html>")).encode(pattern(8)), 64, 48));
    byte[] second = JpegFiles.baseline(JpegFiles.picture(32, 32));
    byte[] twoJpegs = Arrays.copyOf(jpeg, jpeg.length + second.length);
    System.arraycopy(second, 0, twoJpegs, jpeg.length, second.length);
    set.add(decodes("jpeg-followed-by-another-jpeg", twoJpegs, 64, 48));
  }

  private static byte[] zip(String name, byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      var entry = new ZipEntry(name);
      entry.setTimeLocal(java.time.LocalDateTime.of(2026, 1, 1, 0, 0)); // a fixed time, so that the bytes never change
      zip.putNextEntry(entry);
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
