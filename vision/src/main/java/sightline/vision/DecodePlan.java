package sightline.vision;

import java.io.EOFException;
import java.io.IOException;
import sightline.vision.ImageRejected.Reason;

/**
 * What decoding one input will produce and cost, known before any pixel is decoded: made by
 * {@link ImageDecoder#plan(byte[], int)} after the header was read and every limit checked. A caller that admits
 * decodes against a shared budget (a memory pool, a per-account slot) does so between {@code plan} and
 * {@link #decode()}.
 *
 * <p>The estimate is an upper bound of what the decode holds at once besides the input: the decoded samples (for
 * JPEG, ImageIO's raster of 1, 3 or 4 bytes per pixel at the subsampled size; for PNG, none beyond two rows), the
 * 3-byte-per-pixel result and any converted, shrunk or turned copy of it, libjpeg's coefficient array for a JPEG of
 * several scans (native memory, about 2 bytes per pixel per full-resolution component), and the input without its
 * ICC profile. {@code DecodePlanTests} compares it with measured allocation.
 *
 * <p>Immutable and thread-safe. It keeps a reference to the input array, which must not change until
 * {@link #decode()} has run.
 */
public final class DecodePlan {

  private final byte[] encoded;
  private final ImageHeader header;
  private final int storedWidth;
  private final int storedHeight;
  private final long estimatedBytes;

  DecodePlan(byte[] encoded, ImageHeader header, int maxSide) {
    this.encoded = encoded;
    this.header = header;
    int longer = Math.max(header.width(), header.height());
    if (longer <= maxSide) {
      storedWidth = header.width();
      storedHeight = header.height();
    } else {
      double scale = (double) maxSide / longer;
      storedWidth = Math.max(1, (int) Math.round(header.width() * scale));
      storedHeight = Math.max(1, (int) Math.round(header.height() * scale));
    }
    long decoding = switch (header) {
      case ImageHeader.Jpeg jpeg -> JpegDecoder.memoryBytes(jpeg, storedWidth, storedHeight, encoded.length);
      case ImageHeader.Png png -> PngDecoder.memoryBytes(png, storedWidth, storedHeight);
    };
    long turned = header.orientation() > 1 ? 3L * storedWidth * storedHeight : 0;
    this.estimatedBytes = decoding + turned;
  }

  /** The container format, from the first bytes. */
  public ImageFormat format() {
    return header.format();
  }

  private boolean turned() {
    return header.orientation() >= 5;
  }

  /** Width of the full picture in pixels, upright (EXIF orientation applied). */
  public int sourceWidth() {
    return turned() ? header.height() : header.width();
  }

  /** Height of the full picture in pixels, upright. */
  public int sourceHeight() {
    return turned() ? header.width() : header.height();
  }

  /** Width of the picture {@link #decode()} returns: the source width, or less when a maximum side was asked. */
  public int width() {
    return turned() ? storedHeight : storedWidth;
  }

  /** Height of the picture {@link #decode()} returns. */
  public int height() {
    return turned() ? storedWidth : storedHeight;
  }

  /** Upper bound, in bytes, of the memory (Java heap and native) the decode holds at once besides the input. */
  public long estimatedBytes() {
    return estimatedBytes;
  }

  /**
   * Decodes: the upright picture at {@link #width()} x {@link #height()}, averaged down from the full size when
   * that is smaller.
   *
   * @throws ImageRejected when the data turns out damaged or cut short ({@code CORRUPT}, {@code TRUNCATED})
   */
  public Image decode() {
    Image stored;
    try {
      stored = switch (header) {
        case ImageHeader.Jpeg jpeg -> JpegDecoder.decode(encoded, jpeg, storedWidth, storedHeight);
        case ImageHeader.Png png -> PngDecoder.decode(encoded, png, storedWidth, storedHeight);
      };
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) throw rejected;
      // ImageIO reports damaged data with IIOException, EOFException, or runtime exceptions from its native code.
      throw new ImageRejected(isTruncation(e) ? Reason.TRUNCATED : Reason.CORRUPT,
          "The " + header.format() + " data is damaged and cannot be decoded.", e);
    }
    if (stored.width() != storedWidth || stored.height() != storedHeight) {
      throw new ImageRejected(Reason.CORRUPT, "The decoded size does not match the header.");
    }
    return Orientation.apply(stored, header.orientation());
  }

  private static boolean isTruncation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) return true;
      String m = t.getMessage();
      if (m != null && (m.contains("Premature end") || m.contains("Unexpected end"))) return true;
    }
    return false;
  }

  /** Format, sizes and estimate; never the bytes. */
  @Override
  public String toString() {
    return "DecodePlan[" + header.format() + " " + sourceWidth() + "x" + sourceHeight() + " -> " + width() + "x"
        + height() + ", ~" + estimatedBytes / 1024 + " KiB]";
  }
}
