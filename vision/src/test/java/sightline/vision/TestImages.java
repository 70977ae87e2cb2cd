package sightline.vision;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/** Builds small encoded pictures for decoder tests, so that no fixture file is needed. */
final class TestImages {

  private TestImages() {
  }

  /** 32x24: red top-left, green top-right, blue bottom-left, white bottom-right quadrant. */
  static Image quadrants() {
    return quadrants(32, 24);
  }

  static Image quadrants(int w, int h) {
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean right = x >= w / 2;
        boolean bottom = y >= h / 2;
        int c = !bottom ? (!right ? 0xff0000 : 0x00ff00) : (!right ? 0x0000ff : 0xffffff);
        int i = 3 * (y * w + x);
        rgb[i] = (byte) (c >> 16);
        rgb[i + 1] = (byte) (c >> 8);
        rgb[i + 2] = (byte) c;
      }
    }
    return new Image(w, h, rgb);
  }

  static byte[] jpeg(BufferedImage image) {
    return writeJpeg(new IIOImage(image, null, null));
  }

  static byte[] jpeg(Image image) {
    return jpeg(image.toBufferedImage());
  }

  /** A 4-channel JPEG written from a raw raster (the JDK writer stores the samples as given, no Adobe segment). */
  static byte[] rawFourChannelJpeg(Raster raster) {
    return writeJpeg(new IIOImage(raster, null, null));
  }

  private static byte[] writeJpeg(IIOImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      var out = new ByteArrayOutputStream();
      try (var stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        writer.write(null, image, param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] png(BufferedImage image) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts a segment right after the JPEG SOI marker. */
  static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** An APP1 EXIF payload holding only IFD0 with the Orientation tag, in the given byte order. */
  static byte[] exifOrientation(int orientation, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(order);
    b.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /** An APP2 ICC_PROFILE payload (single chunk) with the JDK's sRGB profile. */
  static byte[] iccSrgbSegment() {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    var out = new ByteArrayOutputStream();
    out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    out.write(1);
    out.write(1);
    out.writeBytes(profile);
    return out.toByteArray();
  }

  static WritableRaster cmykRaster(int w, int h, int c, int m, int y, int k) {
    WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        raster.setPixel(i, j, new int[] {c, m, y, k});
      }
    }
    return raster;
  }
}
