package sightline.vision;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import sightline.vision.ImageRejected.Reason;

/**
 * Decodes JPEG through ImageIO's libjpeg, straight into the array the {@link Image} keeps. To decode smaller it asks
 * ImageIO for every {@code factor}-th pixel ({@code ImageReadParam.setSourceSubsampling}), which keeps the memory at
 * the smaller size (libjpeg still decodes every block), then averages down to the exact size.
 *
 * <p>Costs, for the memory estimate: the destination raster (1, 3 or 4 bytes per decoded pixel), a converted or
 * shrunk copy when one is needed, and for a JPEG of several scans (progressive) libjpeg's native array of every
 * coefficient (about 2 bytes per pixel per full-resolution component) for the whole decode. The JDK's reader
 * renders the whole picture once per scan, so the time grows with pixels times scans; the scan count is limited.
 * Package-private, stateless.
 */
final class JpegDecoder {

  private JpegDecoder() {
  }

  /** The subsampling factor for a picture whose longer side is {@code longer}, shrunk to at most {@code target}. */
  static int subsampling(int longer, int target) {
    return Math.max(1, longer / target);
  }

  /** Memory a decode to {@code outW x outH} holds at its peak, besides the input, in bytes (Java heap and native). */
  static long memoryBytes(ImageHeader.Jpeg jpeg, int outW, int outH, int inputBytes) {
    int factor = subsampling(Math.max(jpeg.width(), jpeg.height()), Math.max(outW, outH));
    long w = ceilDiv(jpeg.width(), factor), h = ceilDiv(jpeg.height(), factor);
    long raster = w * h * jpeg.components();
    boolean copied = jpeg.components() != 3 || w != outW || h != outH;
    long converted = copied ? BoxScaler.memoryBytes((int) w, outW, outH) : 0;
    long coefficients = jpeg.scans() > 1 ? jpeg.coefficientBytes() : 0;
    long rows = 64L * jpeg.width(); // libjpeg's row groups and ImageIO's one-row raster
    long withoutProfile = jpeg.iccProfile() ? inputBytes : 0;
    return raster + converted + coefficients + rows + withoutProfile;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** The stored picture (no orientation applied) at {@code outW x outH}, at most its full size. */
  static Image decode(byte[] encoded, ImageHeader.Jpeg jpeg, int outW, int outH) throws IOException {
    ImageReader reader = reader();
    var warning = new AtomicReference<String>();
    // ImageIO runs a Java colour conversion whenever an ICC profile is embedded, whatever destination type is asked
    // for; it tripled the decode time of a 640x480 frame. Hand it the bytes without the profile segments instead.
    byte[] data = jpeg.iccProfile() ? withoutIccProfile(encoded) : encoded;
    try (var in = new BytesImageInputStream(data)) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener(new IIOReadWarningListener() {
        @Override
        public void warningOccurred(ImageReader source, String message) {
          warning.compareAndSet(null, message);
        }
      });
      ImageReadParam param = reader.getDefaultReadParam();
      int factor = subsampling(Math.max(jpeg.width(), jpeg.height()), Math.max(outW, outH));
      if (factor > 1) {
        param.setSourceSubsampling(factor, factor, 0, 0);
      }
      int w = (jpeg.width() + factor - 1) / factor;
      int h = (jpeg.height() + factor - 1) / factor;
      Image image;
      if (jpeg.components() == 4) {
        // ImageIO cannot build a BufferedImage for CMYK; the raw raster holds the stored samples.
        Raster raster = reader.readRaster(0, param);
        image = fourChannelToRgb(raster, jpeg.adobeTransform(), outW, outH);
      } else if (jpeg.components() == 3) {
        // libjpeg converts YCbCr to RGB itself, straight into a raster laid out as Image keeps its pixels.
        byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), w, h, 3 * w, 3,
            new int[] {0, 1, 2}, null);
        var colours = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
            Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        param.setDestination(new BufferedImage(colours, raster, false, null));
        reader.read(0, param);
        image = shrink(rgb, w, h, outW, outH);
      } else {
        ImageTypeSpecifier grey = plainType(reader, BufferedImage.TYPE_BYTE_GRAY);
        if (grey != null) {
          param.setDestinationType(grey);
        }
        BufferedImage decoded = reader.read(0, param);
        image = decoded.getType() == BufferedImage.TYPE_BYTE_GRAY ? greyToRgb(decoded, outW, outH)
            : shrink(Image.fromBufferedImage(decoded), outW, outH);
      }
      String first = warning.get();
      if (first != null && first.toLowerCase(Locale.ROOT).contains("premature end")) {
        throw new ImageRejected(Reason.TRUNCATED, "The JPEG file ends before the picture is complete.");
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader reader() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    if (!readers.hasNext()) {
      throw new IllegalStateException("this JVM has no ImageIO JPEG reader");
    }
    return readers.next();
  }

  private static Image shrink(byte[] rgb, int w, int h, int outW, int outH) {
    if (w == outW && h == outH) {
      return Image.adopt(w, h, rgb);
    }
    var scaler = new BoxScaler(w, h, outW, outH);
    for (int y = 0; y < h; y++) {
      scaler.addRow(rgb, 3 * y * w);
    }
    return scaler.result();
  }

  private static Image shrink(Image image, int outW, int outH) {
    return image.width() == outW && image.height() == outH ? image
        : shrink(image.sharedRgb(), image.width(), image.height(), outW, outH);
  }

  /** Grey samples as stored, R = G = B (drawing linear grey into sRGB would brighten it). */
  private static Image greyToRgb(BufferedImage grey, int outW, int outH) {
    int w = grey.getWidth(), h = grey.getHeight();
    boolean shrinks = w != outW || h != outH;
    byte[] out = shrinks ? null : new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    BoxScaler scaler = shrinks ? new BoxScaler(w, h, outW, outH) : null;
    int[] samples = new int[w];
    byte[] row = new byte[3 * w];
    for (int y = 0; y < h; y++) {
      grey.getRaster().getSamples(0, y, w, 1, 0, samples);
      byte[] target = shrinks ? row : out;
      int at = shrinks ? 0 : 3 * y * w;
      for (int x = 0; x < w; x++) {
        byte v = (byte) samples[x];
        target[at + 3 * x] = v;
        target[at + 3 * x + 1] = v;
        target[at + 3 * x + 2] = v;
      }
      if (shrinks) scaler.addRow(row, 0);
    }
    return shrinks ? scaler.result() : Image.adopt(w, h, out);
  }

  /**
   * The JPEG without its APP2 {@code ICC_PROFILE} segments (the header was validated by {@link ImageHeader}, so
   * segment lengths are in bounds up to the start of scan).
   */
  static byte[] withoutIccProfile(byte[] jpeg) {
    var out = new ByteArrayOutputStream(jpeg.length);
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
          && new String(jpeg, pos + 4, 12, StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0");
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

  /** {@link #fourChannelToRgb(Raster, int, int, int)} at the raster's own size. */
  static Image fourChannelToRgb(Raster raster, int adobeTransform) {
    return fourChannelToRgb(raster, adobeTransform, raster.getWidth(), raster.getHeight());
  }

  /**
   * CMYK or YCCK samples to RGB, shrunk to {@code outW x outH}. Adobe applications store CMYK inverted (255 = no
   * ink) and mark the file with an APP14 segment; YCCK (transform 2) holds the inverted C, M, Y as YCbCr.
   */
  static Image fourChannelToRgb(Raster raster, int adobeTransform, int outW, int outH) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    boolean shrinks = w != outW || h != outH;
    byte[] out = shrinks ? null : new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    BoxScaler scaler = shrinks ? new BoxScaler(w, h, outW, outH) : null;
    byte[] rowRgb = new byte[3 * w];
    int[] row = new int[w * 4];
    boolean inverted = adobeTransform >= 0; // Adobe segment present: stored values are 255 - ink
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      byte[] target = shrinks ? rowRgb : out;
      int at = shrinks ? 0 : 3 * y * w;
      for (int x = 0; x < w; x++) {
        int s = 4 * x;
        int c = row[s], m = row[s + 1], ye = row[s + 2], k = row[s + 3];
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
        int o = at + 3 * x;
        target[o] = (byte) ((c * k + 127) / 255);
        target[o + 1] = (byte) ((m * k + 127) / 255);
        target[o + 2] = (byte) ((ye * k + 127) / 255);
      }
      if (shrinks) scaler.addRow(rowRgb, 0);
    }
    return shrinks ? scaler.result() : Image.adopt(w, h, out);
  }

  private static int clamp(double v) {
    return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
  }
}
