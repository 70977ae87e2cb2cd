package sightline.vision;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A decoded picture: interleaved 8-bit RGB, row-major, 3 bytes per pixel, no padding, sRGB as decoded. Pixel
 * {@code (x, y)} starts at byte {@code 3 * (y * width + x)}. Orientation is already applied (see
 * {@link ImageDecoder}), so {@code x} grows to the right and {@code y} downwards of the upright picture.
 *
 * <p>Immutable and thread-safe: the constructor and {@link #rgb()} copy the pixel array. Use
 * {@link #copyRow} or {@link #copyPixelsTo} to read pixels without an extra full copy per call site.
 *
 * @param width  width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param rgb    {@code width * height * 3} bytes (unsigned values 0–255 stored in Java's signed bytes)
 */
public record Image(int width, int height, byte[] rgb) {

  /** The array {@link #adopt} hands to the constructor on this thread, which then keeps it instead of a copy. */
  private static final ThreadLocal<byte[]> ADOPTED = new ThreadLocal<>();

  public Image {
    Objects.requireNonNull(rgb, "rgb");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
    }
    if ((long) width * height * 3 != rgb.length) {
      throw new IllegalArgumentException("an image of " + width + "x" + height + " needs " + (long) width * height * 3
          + " RGB bytes, got " + rgb.length);
    }
    if (ADOPTED.get() != rgb) {
      rgb = rgb.clone();
    }
  }

  /**
   * An image that keeps {@code rgb} itself instead of a copy, for code in this package that has just filled a
   * fresh array nobody else holds. A record's constructor cannot skip its defensive copy any other way, and for a
   * 40-megapixel decode that copy is another 120 MB at the peak.
   */
  static Image adopt(int width, int height, byte[] rgb) {
    ADOPTED.set(rgb);
    try {
      return new Image(width, height, rgb);
    } finally {
      ADOPTED.remove();
    }
  }

  /** A copy of the pixels: interleaved RGB, row-major. */
  @Override
  public byte[] rgb() {
    return rgb.clone();
  }

  /** The pixel array itself, for code in this package that only reads it (a copy of a large picture is costly). */
  byte[] sharedRgb() {
    return rgb;
  }

  /** Copies all pixels (interleaved RGB, row-major) into {@code target}, which must hold {@code width*height*3} bytes. */
  public void copyPixelsTo(byte[] target) {
    if (target.length < rgb.length) {
      throw new IllegalArgumentException("target holds " + target.length + " bytes, needs " + rgb.length);
    }
    System.arraycopy(rgb, 0, target, 0, rgb.length);
  }

  /** Copies row {@code y} (interleaved RGB, {@code width*3} bytes) into {@code target} at {@code offset}. */
  public void copyRow(int y, byte[] target, int offset) {
    Objects.checkIndex(y, height);
    System.arraycopy(rgb, y * width * 3, target, offset, width * 3);
  }

  /** The pixel at {@code (x, y)} packed as {@code 0xRRGGBB}. */
  public int rgbAt(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    int i = 3 * (y * width + x);
    return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
  }

  /** Number of pixels, {@code width * height}. */
  public long pixelCount() {
    return (long) width * height;
  }

  /** This picture mirrored left to right. */
  public Image mirrored() {
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < height; y++) {
      int row = y * width * 3;
      for (int x = 0; x < width; x++) {
        int from = row + 3 * x;
        int to = row + 3 * (width - 1 - x);
        out[to] = rgb[from];
        out[to + 1] = rgb[from + 1];
        out[to + 2] = rgb[from + 2];
      }
    }
    return adopt(width, height, out);
  }

  /**
   * Copies a {@link BufferedImage} of any type. Byte-interleaved RGB/BGR and 8-bit grey rasters are read directly;
   * other types go through {@link BufferedImage#getRGB}, which converts to sRGB. Alpha is dropped.
   */
  public static Image fromBufferedImage(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * 3];
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getDataBuffer() instanceof DataBufferByte
        && image.getRaster().getParent() == null) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < out.length; i += 3) {
        out[i] = bgr[i + 2];
        out[i + 1] = bgr[i + 1];
        out[i + 2] = bgr[i];
      }
    } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      // Read grey samples as stored: drawing a linear-grey image into sRGB would brighten it.
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRaster().getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          byte v = (byte) row[x];
          int i = 3 * (y * w + x);
          out[i] = v;
          out[i + 1] = v;
          out[i + 2] = v;
        }
      }
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int p = row[x];
          int i = 3 * (y * w + x);
          out[i] = (byte) (p >> 16);
          out[i + 1] = (byte) (p >> 8);
          out[i + 2] = (byte) p;
        }
      }
    }
    return adopt(w, h, out);
  }

  /** A new {@link BufferedImage#TYPE_3BYTE_BGR} copy of this picture, e.g. for writing with ImageIO. */
  public BufferedImage toBufferedImage() {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < rgb.length; i += 3) {
      bgr[i] = rgb[i + 2];
      bgr[i + 1] = rgb[i + 1];
      bgr[i + 2] = rgb[i];
    }
    return image;
  }

  /**
   * This picture as a baseline JPEG without metadata (no EXIF, no ICC profile), for storing or sending a picture
   * the server made.
   *
   * @param quality ImageIO's compression quality, in (0, 1]
   */
  public byte[] toJpeg(float quality) {
    if (!(quality > 0 && quality <= 1)) {
      throw new IllegalArgumentException("JPEG quality must be in (0, 1], was " + quality);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var bytes = new ByteArrayOutputStream();
    try (var out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(toBufferedImage(), null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed in memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Equal when the sizes and every pixel are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Image that && width == that.width && height == that.height
        && java.util.Arrays.equals(rgb, that.rgb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + java.util.Arrays.hashCode(rgb);
  }

  /** Size only; never the pixels. */
  @Override
  public String toString() {
    return "Image[" + width + "x" + height + "]";
  }
}
