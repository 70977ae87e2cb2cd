package sightline.vision.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * JPEG files for decoder tests and the hostile-image set: honest ones from the JDK's encoder, and edits of them
 * (segments inserted, frame headers rewritten, scans added) that honest encoders never write. Stateless.
 */
public final class JpegFiles {

  private JpegFiles() {
  }

  /** A picture with smooth gradients and a few edges, so that every encoder path has work to do. */
  public static BufferedImage picture(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = x * 255 / Math.max(1, width - 1);
        int g = y * 255 / Math.max(1, height - 1);
        int b = ((x / 8 + y / 8) & 1) * 200;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  /** A baseline JPEG of the picture (quality 0.9). */
  public static byte[] baseline(BufferedImage image) {
    return write(new IIOImage(image, null, null), false);
  }

  /** A progressive JPEG of the picture: the JDK writes libjpeg's standard progression (10 scans for colour). */
  public static byte[] progressive(BufferedImage image) {
    return write(new IIOImage(image, null, null), true);
  }

  /** A 4-channel JPEG of the raster's samples as stored (the JDK writes no Adobe segment: plain CMYK ink). */
  public static byte[] fourChannel(Raster raster) {
    return write(new IIOImage(raster, null, null), false);
  }

  /** A raster of {@code width x height} pixels that all hold the four samples given. */
  public static WritableRaster fourChannelRaster(int width, int height, int c, int m, int y, int k) {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    int[] pixel = {c, m, y, k};
    for (int j = 0; j < height; j++) {
      for (int i = 0; i < width; i++) {
        raster.setPixel(i, j, pixel);
      }
    }
    return raster;
  }

  private static byte[] write(IIOImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var out = new ByteArrayOutputStream();
    try (var stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      } else {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
      }
      writer.write(null, image, param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Inserts a segment (marker {@code 0xFFnn}, length, payload) right after the start-of-image marker. */
  public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
    return withSegments(jpeg, marker, List.of(payload));
  }

  /** Inserts one segment per payload, in order, right after the start-of-image marker. */
  public static byte[] withSegments(byte[] jpeg, int marker, List<byte[]> payloads) {
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (byte[] payload : payloads) {
      if (payload.length > 65533) {
        throw new IllegalArgumentException("a segment holds at most 65533 bytes");
      }
      out.write(0xFF);
      out.write(marker);
      out.write((payload.length + 2) >> 8);
      out.write((payload.length + 2) & 0xff);
      out.writeBytes(payload);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** An APP1 EXIF payload holding IFD0 with only the Orientation tag (1–8), in the given byte order. */
  public static byte[] exifOrientation(int orientation, ByteOrder order) {
    return exif(orientation, order, 0);
  }

  /**
   * An APP1 EXIF payload whose IFD0 lists {@code padding} meaningless entries before the Orientation tag, so a
   * parser has to walk a big directory (a segment holds at most 5,460 entries).
   */
  public static byte[] exif(int orientation, ByteOrder order, int padding) {
    int entries = padding + 1;
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 * entries + 4).order(order);
    b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.putShort((short) 42).putInt(8);
    b.putShort((short) entries);
    for (int i = 0; i < padding; i++) {
      // Tag 0x9000+i, type LONG, count 0x7fffffff pointing far outside: a reader must not follow it.
      b.putShort((short) (0x9000 + i)).putShort((short) 4).putInt(0x7fffffff).putInt(0x7ffffff0);
    }
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /** The JPEG with APP2 ICC_PROFILE segments (chunk i of n) carrying {@code totalBytes} of junk profile. */
  public static byte[] withIccChunks(byte[] jpeg, int totalBytes) {
    int per = 65533 - 14;
    int chunks = Math.max(1, (totalBytes + per - 1) / per);
    if (chunks > 255) {
      throw new IllegalArgumentException("an ICC profile spans at most 255 segments");
    }
    var payloads = new java.util.ArrayList<byte[]>();
    for (int i = 1; i <= chunks; i++) {
      int size = Math.min(per, totalBytes - (i - 1) * per);
      byte[] payload = new byte[14 + Math.max(0, size)];
      System.arraycopy("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 12);
      payload[12] = (byte) i;
      payload[13] = (byte) chunks;
      java.util.Arrays.fill(payload, 14, payload.length, (byte) 0x5A);
      payloads.add(payload);
    }
    return withSegments(jpeg, 0xE2, payloads);
  }

  /** The offset of the first start-of-frame marker ({@code FF C0..C2}), -1 when there is none. */
  private static int frameHeader(byte[] jpeg) {
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xff;
      if (marker >= 0xC0 && marker <= 0xC2) return pos;
      if (marker == 0xDA) return -1;
      pos += 2 + ((jpeg[pos + 2] & 0xff) << 8 | (jpeg[pos + 3] & 0xff));
    }
    return -1;
  }

  /** The JPEG with its frame header claiming {@code width x height} pixels (1–65535); the data stays as it was. */
  public static byte[] withFrameSize(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    int at = frameHeader(out);
    out[at + 5] = (byte) (height >> 8);
    out[at + 6] = (byte) height;
    out[at + 7] = (byte) (width >> 8);
    out[at + 8] = (byte) width;
    return out;
  }

  /** The JPEG with its frame marker replaced (e.g. {@code 0xC3} lossless, {@code 0xC9} arithmetic). */
  public static byte[] withFrameMarker(byte[] jpeg, int marker) {
    byte[] out = jpeg.clone();
    out[frameHeader(out) + 1] = (byte) marker;
    return out;
  }

  /** The JPEG with its frame header claiming {@code bits}-bit samples. */
  public static byte[] withPrecision(byte[] jpeg, int bits) {
    byte[] out = jpeg.clone();
    out[frameHeader(out) + 4] = (byte) bits;
    return out;
  }

  /**
   * A progressive JPEG with {@code extraScans} more scans before its end: each an AC scan of the first component
   * that only says "no more coefficients in the next 32,767 blocks" until every block is covered. About 14 bytes
   * per scan for a small picture; a decoder that renders the whole picture once per scan does that many times the
   * work.
   */
  public static byte[] withExtraScans(byte[] progressiveJpeg, int extraScans) {
    int sof = frameHeader(progressiveJpeg);
    int height = (progressiveJpeg[sof + 5] & 0xff) << 8 | (progressiveJpeg[sof + 6] & 0xff);
    int width = (progressiveJpeg[sof + 7] & 0xff) << 8 | (progressiveJpeg[sof + 8] & 0xff);
    int components = progressiveJpeg[sof + 9] & 0xff;
    int hMax = 1, vMax = 1;
    for (int c = 0; c < components; c++) {
      int sampling = progressiveJpeg[sof + 11 + 3 * c] & 0xff;
      hMax = Math.max(hMax, sampling >> 4);
      vMax = Math.max(vMax, sampling & 15);
    }
    int componentId = progressiveJpeg[sof + 10] & 0xff;
    int sampling = progressiveJpeg[sof + 11] & 0xff;
    int compWidth = (width * (sampling >> 4) + hMax - 1) / hMax;
    int compHeight = (height * (sampling & 15) + vMax - 1) / vMax;
    long blocks = (long) ((compWidth + 7) / 8) * ((compHeight + 7) / 8);

    var out = new ByteArrayOutputStream();
    out.write(progressiveJpeg, 0, progressiveJpeg.length - 2); // all but the end-of-image marker
    // A Huffman table (AC class, id 3) with one one-bit code, for symbol 0xE0: "end of band run of 2^14 + n".
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, 20, 0x13, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, (byte) 0xE0});
    byte[] scanData = endOfBandRuns(blocks);
    for (int s = 0; s < extraScans; s++) {
      // SOS: one component, DC table 0 / AC table 3, spectral band 1–63, successive approximation 0.
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, (byte) componentId, 0x03, 1, 63, 0});
      out.writeBytes(scanData);
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  private static byte[] endOfBandRuns(long blocks) {
    var out = new ByteArrayOutputStream();
    int buffer = 0, count = 0;
    for (long left = blocks; left > 0; left -= 32767) {
      // Code '0' then 14 extra bits: run = 16384 + extra (at most 32767); the last run may cover blocks past the
      // end, which decoders stop at.
      int extra = (int) Math.min(left, 32767) - 16384;
      int bits = Math.max(0, extra);
      int code = bits; // 15 bits: a leading 0 and the 14 extra bits
      for (int i = 14; i >= 0; i--) {
        buffer = buffer << 1 | (code >> i & 1);
        if (++count == 8) {
          out.write(buffer);
          if (buffer == 0xFF) out.write(0); // byte stuffing
          buffer = 0;
          count = 0;
        }
      }
    }
    if (count > 0) {
      buffer = buffer << (8 - count) | ((1 << (8 - count)) - 1); // pad with one bits
      out.write(buffer);
      if (buffer == 0xFF) out.write(0);
    }
    return out.toByteArray();
  }
}
