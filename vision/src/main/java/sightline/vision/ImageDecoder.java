package sightline.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sightline.vision.ImageRejected.Limit;
import sightline.vision.ImageRejected.Reason;

/**
 * Turns untrusted bytes into an upright {@link Image}, bounding the work before it starts. Decodes baseline and
 * progressive 8-bit JPEG (grey, YCbCr, RGB, CMYK, YCCK) and PNG (every bit depth and colour type, interlaced or not)
 * chosen by the first bytes of the content, never by a file name. Applies EXIF orientation (JPEG APP1, PNG eXIf).
 *
 * <p>Before any pixel memory is allocated it reads the whole container (JPEG segments and scan headers, PNG chunks
 * and their CRCs) and refuses, with {@link ImageRejected} and a named {@link ImageRejected.Reason}: a picture beyond
 * the {@link Limits} (bytes, pixels, side, aspect ratio, JPEG scans, estimated decode memory), one that holds too
 * little compressed data for the size its header announces (a lying header, {@code TRUNCATED}), and anything
 * truncated, corrupt or of another format. {@link #plan(byte[], int)} exposes that step: it returns a
 * {@link DecodePlan} with the output size and the memory estimate, so a caller can admit the decode against its own
 * budget before running it.
 *
 * <p>Size: {@link #decode(byte[], int)} decodes straight to at most {@code maxSide} pixels on the longer side,
 * never holding the full-size picture where the format allows (PNG row by row; JPEG through ImageIO's source
 * subsampling), then averages down to the exact size. Callers that need only a model-sized picture should use it.
 *
 * <p>Colour: embedded ICC profiles are ignored and pixels are taken as sRGB. Applying the profile through ImageIO's
 * colour management made a 640x480 camera JPEG decode about 3x slower, and the face and classification models
 * were trained on unmanaged sRGB-ish pixels anyway. Grey becomes R=G=B; CMYK becomes RGB by the naive
 * {@code (1-C)(1-K)} formula (Adobe's inverted storage is handled); 16-bit samples keep their high byte; alpha is
 * dropped. Bytes after the end of the picture (a polyglot's other half) are ignored: never serve an upload's bytes
 * back as they came, re-encode the decoded picture ({@link Image#toJpeg}).
 *
 * <p>Thread-safe and stateless apart from its limits: share one instance.
 */
public final class ImageDecoder {

  /**
   * Upper bounds on what {@link ImageDecoder} accepts, all checked before decoding. Options: {@link #defaults()}
   * for photos and uploads, {@link #cameraFrames()} for live frames, and {@code with...} to change one bound.
   *
   * @param maxPixels      largest {@code width * height}, at least 1. Decoding time grows with it (about 10 ns per
   *                       pixel on one core here; per pixel and scan for a multi-scan JPEG)
   * @param maxBytes       largest encoded input in bytes, at least 1
   * @param maxSide        largest width or height in pixels, at least 1
   * @param maxAspectRatio largest ratio of the longer side to the shorter, at least 1. Resampling is linear in the
   *                       pixels whatever the shape, but no camera makes a 1000:1 picture and no model reads one
   * @param maxScans       most JPEG scans, at least 1. The JDK renders the whole picture once per scan, so a file
   *                       of thousands of tiny scans costs thousands of full decodes; libjpeg's progressive JPEGs
   *                       have 10 (grey: 6), baseline ones 1
   * @param maxDecodeBytes largest {@link DecodePlan#estimatedBytes()} (Java heap and native memory held at once
   *                       while decoding), at least 1
   */
  public record Limits(long maxPixels, long maxBytes, int maxSide, double maxAspectRatio, int maxScans,
      long maxDecodeBytes) {

    public Limits {
      if (maxPixels < 1 || maxBytes < 1 || maxSide < 1 || !(maxAspectRatio >= 1) || maxScans < 1
          || maxDecodeBytes < 1) {
        throw new IllegalArgumentException("limits must be positive (aspect ratio at least 1): maxPixels=" + maxPixels
            + ", maxBytes=" + maxBytes + ", maxSide=" + maxSide + ", maxAspectRatio=" + maxAspectRatio + ", maxScans="
            + maxScans + ", maxDecodeBytes=" + maxDecodeBytes);
      }
    }

    /** Pixel and byte limits with the other bounds of {@link #defaults()}. */
    public Limits(long maxPixels, long maxBytes) {
      this(maxPixels, maxBytes, defaults().maxSide, defaults().maxAspectRatio, defaults().maxScans,
          defaults().maxDecodeBytes);
    }

    /**
     * Photos and uploads: 40 megapixels (a 7700x5200 photo), 50 MiB, 8192 pixels a side (every camera up to 50 MP;
     * JPEG allows 65535), aspect ratio 10:1 (phone panoramas are about 4:1), 20 JPEG scans and 256 MiB of decode
     * memory: a full-size 40 MP baseline JPEG with EXIF rotation needs 240 MB, a 40 MP progressive one
     * 4:2:0 about 240 MB; a 40 MP CMYK or 4:4:4 progressive JPEG (280–360 MB) is refused at full size but decodes
     * with a smaller {@code maxSide} where the estimate allows.
     */
    public static Limits defaults() {
      return new Limits(40_000_000L, 50L * 1024 * 1024, 8192, 10.0, 20, 256L * 1024 * 1024);
    }

    /**
     * Live camera frames (webcams, phones in the browser, IP cameras up to 4K): 4096x2304 pixels (9.4 MP), 10 MiB,
     * 4096 a side, aspect ratio 4:1 (32:9 ultra-wide is 3.6:1), 12 scans (browsers write baseline JPEG) and 64 MiB
     * of decode memory.
     */
    public static Limits cameraFrames() {
      return new Limits(4096L * 2304, 10L * 1024 * 1024, 4096, 4.0, 12, 64L * 1024 * 1024);
    }

    public Limits withMaxPixels(long maxPixels) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }

    public Limits withMaxBytes(long maxBytes) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }

    public Limits withMaxSide(int maxSide) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }

    public Limits withMaxAspectRatio(double maxAspectRatio) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }

    public Limits withMaxScans(int maxScans) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }

    public Limits withMaxDecodeBytes(long maxDecodeBytes) {
      return new Limits(maxPixels, maxBytes, maxSide, maxAspectRatio, maxScans, maxDecodeBytes);
    }
  }

  /** Asks {@link #plan(byte[], int)} for the full size. */
  private static final int FULL_SIZE = Integer.MAX_VALUE;

  private final Limits limits;

  public ImageDecoder(Limits limits) {
    this.limits = limits;
  }

  /** A decoder with {@link Limits#defaults()}. */
  public static ImageDecoder withDefaults() {
    return new ImageDecoder(Limits.defaults());
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Reads and decodes a file at full size.
   *
   * @throws ImageRejected       when the content is not an acceptable picture
   * @throws UncheckedIOException when the file cannot be read
   */
  public Image decode(Path file) {
    return decode(file, FULL_SIZE);
  }

  /**
   * Reads a file and decodes it to at most {@code maxSide} pixels on the longer side (see
   * {@link #decode(byte[], int)}).
   *
   * @throws ImageRejected       when the content is not an acceptable picture
   * @throws UncheckedIOException when the file cannot be read
   */
  public Image decode(Path file, int maxSide) {
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw new ImageRejected(Limit.BYTES, "The file holds " + size + " bytes; the limit is " + limits.maxBytes() + ".");
      }
      return decode(Files.readAllBytes(file), maxSide);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /**
   * Reads a stream to its end (at most {@link Limits#maxBytes()} bytes) and decodes it at full size. Does not close
   * the stream.
   *
   * @throws ImageRejected       when the content is not an acceptable picture or too long
   * @throws UncheckedIOException when the stream fails
   */
  public Image decode(InputStream in) {
    return decode(in, FULL_SIZE);
  }

  /**
   * Reads a stream to its end (at most {@link Limits#maxBytes()} bytes) and decodes it to at most {@code maxSide}
   * pixels on the longer side. Does not close the stream.
   *
   * @throws ImageRejected       when the content is not an acceptable picture or too long
   * @throws UncheckedIOException when the stream fails
   */
  public Image decode(InputStream in, int maxSide) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      if (bytes.length > limits.maxBytes()) {
        throw new ImageRejected(Limit.BYTES, "The upload is longer than the limit of " + limits.maxBytes() + " bytes.");
      }
      return decode(bytes, maxSide);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the image stream", e);
    }
  }

  /**
   * Decodes an encoded JPEG or PNG at full size. The array is not modified or kept.
   *
   * @throws ImageRejected when the content is not an acceptable picture
   */
  public Image decode(byte[] encoded) {
    return plan(encoded, FULL_SIZE).decode();
  }

  /**
   * Decodes an encoded JPEG or PNG to at most {@code maxSide} pixels on its longer side, keeping the aspect ratio
   * (the shorter side is rounded, at least 1); a smaller picture is returned at its own size, never enlarged. The
   * full-size picture is never held: PNG rows are averaged into the result as they are decoded, and a JPEG is read
   * at every n-th pixel (the largest n that keeps at least {@code maxSide}) and then averaged down. The array is not
   * modified or kept.
   *
   * @param maxSide at least 1; e.g. {@code sightline.vision.face.FaceAnalyzer.MAX_USEFUL_SIDE_PX} for face analysis
   * @throws ImageRejected when the content is not an acceptable picture
   */
  public Image decode(byte[] encoded, int maxSide) {
    return plan(encoded, maxSide).decode();
  }

  /** {@link #plan(byte[], int)} at full size. */
  public DecodePlan plan(byte[] encoded) {
    return plan(encoded, FULL_SIZE);
  }

  /**
   * Reads the header, checks every limit and estimates the memory of decoding to at most {@code maxSide} pixels on
   * the longer side, without decoding any pixel. Costs one pass over the bytes (microseconds per kilobyte).
   *
   * @param maxSide at least 1
   * @throws ImageRejected when the content is not an acceptable picture or beyond a limit
   */
  public DecodePlan plan(byte[] encoded, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be at least 1, was " + maxSide);
    }
    if (encoded.length > limits.maxBytes()) {
      throw new ImageRejected(Limit.BYTES, "The input holds " + encoded.length + " bytes; the limit is "
          + limits.maxBytes() + ".");
    }
    ImageHeader header = ImageHeader.read(encoded);
    int w = header.width(), h = header.height();
    String size = "The picture is " + w + "x" + h + " pixels";
    if ((long) w * h > limits.maxPixels()) {
      throw new ImageRejected(Limit.PIXELS, size + "; the limit is " + limits.maxPixels() + " pixels.");
    }
    if (Math.max(w, h) > limits.maxSide()) {
      throw new ImageRejected(Limit.SIDE, size + "; the limit is " + limits.maxSide() + " pixels a side.");
    }
    if ((double) Math.max(w, h) / Math.min(w, h) > limits.maxAspectRatio()) {
      throw new ImageRejected(Limit.ASPECT_RATIO, size + "; the longest side may be at most "
          + limits.maxAspectRatio() + " times the shortest.");
    }
    switch (header) {
      case ImageHeader.Jpeg jpeg -> {
        if (jpeg.scans() > limits.maxScans()) {
          throw new ImageRejected(Limit.SCANS, "The JPEG has " + jpeg.scans() + " scans; the limit is "
              + limits.maxScans() + ".");
        }
        // Every block needs at least a 1-bit DC code and a 1-bit end-of-block code in a single scan, and a 1-bit DC
        // code in the first scans of a progressive file, so fewer bytes cannot hold the picture the header announces.
        long least = jpeg.scans() == 1 ? jpeg.blocks() / 4 : jpeg.blocks() / 8;
        if (jpeg.scanBytes() < least) {
          throw new ImageRejected(Reason.TRUNCATED, "The JPEG holds too little data for the " + w + "x" + h
              + " pixels its header announces.");
        }
      }
      case ImageHeader.Png png -> {
        if (png.colourType() == 3 && png.paletteOffset() < 0) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG uses a palette but holds none.");
        }
        if (png.dataBytes() == 0) {
          throw new ImageRejected(Reason.CORRUPT, "The PNG file holds no image data.");
        }
        // Deflate stores at most 1032 bytes per compressed byte (a 258-byte match in 2 bits).
        if (png.inflatedBytes() > 1032 * png.dataBytes()) {
          throw new ImageRejected(Reason.TRUNCATED, "The PNG holds too little data for the " + w + "x" + h
              + " pixels its header announces.");
        }
      }
    }
    var plan = new DecodePlan(encoded, header, maxSide);
    if (plan.estimatedBytes() > limits.maxDecodeBytes()) {
      throw new ImageRejected(Limit.DECODE_MEMORY, size + "; decoding it " + (maxSide == FULL_SIZE ? "" : "to "
          + plan.width() + "x" + plan.height() + " ") + "would take about " + plan.estimatedBytes() / (1024 * 1024)
          + " MiB, over the limit of " + limits.maxDecodeBytes() / (1024 * 1024) + " MiB.");
    }
    return plan;
  }
}
