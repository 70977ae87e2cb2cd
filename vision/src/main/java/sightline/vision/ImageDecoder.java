package sightline.vision;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import sightline.vision.ImageRejected.Reason;

/**
 * Turns untrusted bytes into an upright {@link Image}. Decodes baseline and progressive 8-bit JPEG (grey, YCbCr,
 * RGB, CMYK, YCCK) and PNG (any bit depth and colour type) chosen by the first bytes of the content, never by a file
 * name. Applies EXIF orientation (JPEG APP1, PNG eXIf). Reads the width and height from the header and refuses a
 * picture over {@link Limits#maxPixels()} before any pixel memory is allocated, so a small file that announces a
 * huge picture (a decompression bomb) costs nothing. Truncated, corrupt and non-image inputs raise
 * {@link ImageRejected} with a {@link ImageRejected.Reason}.
 *
 * <p>Colour: embedded ICC profiles are ignored and pixels are taken as sRGB. Applying the profile through ImageIO's
 * colour management made a 640x480 camera JPEG decode about 3x slower, and the face and classification models
 * were trained on unmanaged sRGB-ish pixels anyway. Grey becomes R=G=B; CMYK becomes RGB by the naive
 * {@code (1-C)(1-K)} formula (Adobe's inverted storage is handled). PNG alpha is dropped.
 *
 * <p>Thread-safe and stateless apart from its limits: share one instance.
 */
public final class ImageDecoder {

  /**
   * Upper bounds on what {@link ImageDecoder} accepts.
   *
   * @param maxPixels largest {@code width * height} accepted, at least 1. The decoded image costs 3 bytes per pixel
   *                  plus the decoder's working memory (up to about 4 more bytes per pixel).
   * @param maxBytes  largest encoded input in bytes, at least 1
   */
  public record Limits(long maxPixels, long maxBytes) {

    public Limits {
      if (maxPixels < 1 || maxBytes < 1) {
        throw new IllegalArgumentException("limits must be positive: maxPixels=" + maxPixels + ", maxBytes=" + maxBytes);
      }
    }

    /** 40 megapixels (a 7700x5200 photo) and 50 MiB of encoded bytes. */
    public static Limits defaults() {
      return new Limits(40_000_000L, 50L * 1024 * 1024);
    }

    public Limits withMaxPixels(long maxPixels) {
      return new Limits(maxPixels, maxBytes);
    }

    public Limits withMaxBytes(long maxBytes) {
      return new Limits(maxPixels, maxBytes);
    }
  }

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
   * Reads and decodes a file.
   *
   * @throws ImageRejected       when the content is not an acceptable picture
   * @throws UncheckedIOException when the file cannot be read
   */
  public Image decode(Path file) {
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw new ImageRejected(Reason.TOO_LARGE, "The file holds " + size + " bytes; the limit is " + limits.maxBytes() + ".");
      }
      return decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /**
   * Reads a stream to its end (at most {@link Limits#maxBytes()} bytes) and decodes it. Does not close the stream.
   *
   * @throws ImageRejected       when the content is not an acceptable picture or too long
   * @throws UncheckedIOException when the stream fails
   */
  public Image decode(InputStream in) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      if (bytes.length > limits.maxBytes()) {
        throw new ImageRejected(Reason.TOO_LARGE, "The upload is longer than the limit of " + limits.maxBytes() + " bytes.");
      }
      return decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the image stream", e);
    }
  }

  /**
   * Decodes an encoded JPEG or PNG. The array is not modified or kept.
   *
   * @throws ImageRejected when the content is not an acceptable picture
   */
  public Image decode(byte[] encoded) {
    if (encoded.length > limits.maxBytes()) {
      throw new ImageRejected(Reason.TOO_LARGE, "The input holds " + encoded.length + " bytes; the limit is " + limits.maxBytes() + ".");
    }
    ImageHeader header = ImageHeader.read(encoded);
    long pixels = (long) header.width() * header.height();
    if (pixels > limits.maxPixels()) {
      throw new ImageRejected(Reason.TOO_LARGE, "The picture is " + header.width() + "x" + header.height() + " pixels; the limit is "
          + limits.maxPixels() + " pixels.");
    }
    Image upright;
    try {
      Image stored = switch (header.format()) {
        case JPEG -> decodeJpeg(encoded, header);
        case PNG -> decodePng(encoded);
      };
      if (stored.width() != header.width() || stored.height() != header.height()) {
        throw new ImageRejected(Reason.CORRUPT, "The decoded size does not match the header.");
      }
      upright = Orientation.apply(stored, header.orientation());
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) throw rejected;
      // ImageIO reports damaged data with IIOException, EOFException, or runtime exceptions from its native code.
      throw new ImageRejected(isTruncation(e) ? Reason.TRUNCATED : Reason.CORRUPT,
          "The " + header.format() + " data is damaged and cannot be decoded.", e);
    }
    return upright;
  }

  private static boolean isTruncation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException) return true;
      String m = t.getMessage();
      if (m != null && (m.contains("Premature end") || m.contains("Unexpected end"))) return true;
    }
    return false;
  }

  private static ImageReader reader(String format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new IllegalStateException("this JVM has no ImageIO " + format + " reader");
    }
    return readers.next();
  }

  private static Image decodeJpeg(byte[] encoded, ImageHeader header) throws IOException {
    ImageReader reader = reader("jpeg");
    var warning = new AtomicReference<String>();
    // ImageIO runs a Java colour conversion whenever an ICC profile is embedded, whatever destination type is asked
    // for; it tripled the decode time of a 640x480 frame. Hand it the bytes without the profile segments instead.
    byte[] data = header.iccProfile() && header.components() != 4 ? withoutIccProfile(encoded) : encoded;
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener(new IIOReadWarningListener() {
        @Override
        public void warningOccurred(ImageReader source, String message) {
          warning.compareAndSet(null, message);
        }
      });
      Image image;
      if (header.components() == 4) {
        // ImageIO cannot build a BufferedImage for CMYK; the raw raster holds the stored samples.
        Raster raster = reader.readRaster(0, null);
        image = fourChannelToRgb(raster, header.adobeTransform());
      } else {
        ImageReadParam param = reader.getDefaultReadParam();
        // Plain 3-byte BGR (or 8-bit grey): YCbCr is converted in libjpeg, straight into the raster we copy.
        ImageTypeSpecifier plain = plainType(reader, header.components() == 1
            ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        if (plain != null) {
          param.setDestinationType(plain);
        }
        image = Image.fromBufferedImage(reader.read(0, param));
      }
      String w = warning.get();
      if (w != null && w.contains("Premature end")) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  /**
   * The JPEG without its APP2 {@code ICC_PROFILE} segments (the header was validated by {@link ImageHeader}, so
   * segment lengths are in bounds up to the start of scan).
   */
  static byte[] withoutIccProfile(byte[] jpeg) {
    var out = new java.io.ByteArrayOutputStream(jpeg.length);
    out.write(jpeg, 0, 2);
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xff;
      if (marker == 0xFF) { // fill byte
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) {
        break;
      }
      int length = (jpeg[pos + 2] & 0xff) << 8 | (jpeg[pos + 3] & 0xff);
      boolean icc = marker == 0xE2 && length >= 14 && pos + 4 + 12 <= jpeg.length
          && new String(jpeg, pos + 4, 12, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0");
      if (!icc) {
        out.write(jpeg, pos, Math.min(2 + length, jpeg.length - pos));
      }
      pos += 2 + length;
    }
    if (pos < jpeg.length) {
      out.write(jpeg, pos, jpeg.length - pos);
    }
    return out.toByteArray();
  }

  private static ImageTypeSpecifier plainType(ImageReader reader, int bufferedImageType) throws IOException {
    for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
      ImageTypeSpecifier type = types.next();
      if (type.getBufferedImageType() == bufferedImageType) {
        return type;
      }
    }
    return null;
  }

  /**
   * CMYK or YCCK samples to RGB. Adobe applications store CMYK inverted (255 = no ink) and mark the file with an
   * APP14 segment; YCCK (transform 2) holds the inverted C, M, Y as YCbCr.
   */
  static Image fourChannelToRgb(Raster raster, int adobeTransform) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    byte[] samples = raster.getDataBuffer() instanceof DataBufferByte buffer && raster.getNumBands() == 4
        && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
        && buffer.getData().length == w * h * 4 ? buffer.getData() : null;
    int[] row = new int[w * 4];
    byte[] out = new byte[w * h * 3];
    boolean inverted = adobeTransform >= 0; // Adobe segment present: stored values are 255 - ink
    for (int y = 0; y < h; y++) {
      if (samples == null) raster.getPixels(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int c, m, ye, k;
        int s = samples != null ? (y * w + x) * 4 : x * 4;
        if (samples != null) {
          c = samples[s] & 0xff; m = samples[s + 1] & 0xff; ye = samples[s + 2] & 0xff; k = samples[s + 3] & 0xff;
        } else {
          c = row[s]; m = row[s + 1]; ye = row[s + 2]; k = row[s + 3];
        }
        if (adobeTransform == 2) { // YCCK: YCbCr -> (inverted) CMY
          double yy = c, cb = m - 128.0, cr = ye - 128.0;
          c = clamp(yy + 1.402 * cr);
          m = clamp(yy - 0.344136 * cb - 0.714136 * cr);
          ye = clamp(yy + 1.772 * cb);
        }
        if (!inverted) {
          c = 255 - c; m = 255 - m; ye = 255 - ye; k = 255 - k;
        }
        // Now c, m, ye, k hold 255 - ink.
        int o = 3 * (y * w + x);
        out[o] = (byte) ((c * k + 127) / 255);
        out[o + 1] = (byte) ((m * k + 127) / 255);
        out[o + 2] = (byte) ((ye * k + 127) / 255);
      }
    }
    return new Image(w, h, out);
  }

  private static int clamp(double v) {
    return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
  }

  private static Image decodePng(byte[] encoded) throws IOException {
    ImageReader reader = reader("png");
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      reader.setInput(in, true, true);
      BufferedImage image = reader.read(0, reader.getDefaultReadParam());
      if (image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
        return sixteenBitGrey(image);
      }
      return Image.fromBufferedImage(image);
    } finally {
      reader.dispose();
    }
  }

  private static Image sixteenBitGrey(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRaster().getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        byte v = (byte) (row[x] >> 8);
        int i = 3 * (y * w + x);
        out[i] = v;
        out[i + 1] = v;
        out[i + 2] = v;
      }
    }
    return new Image(w, h, out);
  }
}
