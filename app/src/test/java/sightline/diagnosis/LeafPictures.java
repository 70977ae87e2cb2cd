package sightline.diagnosis;

import java.awt.Color;
import java.awt.RenderingHints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import sightline.diagnosis.models.TestLeaf;
import sightline.vision.Image;

/**
 * Leaf pictures the tests draw themselves, so that nothing from {@code ../shared} is needed: the {@link TestLeaf} with
 * brown spots on its grey board (the bundled model calls it cedar apple rust with over 90%), a plain grey picture (not
 * a leaf), and JPEGs carrying EXIF orientation and GPS as a phone writes them.
 */
public final class LeafPictures {

  private LeafPictures() {
  }

  /** A {@code width x height} JPEG of a spotted leaf. */
  public static byte[] spottedLeaf(int width, int height) {
    var picture = TestLeaf.drawn(width, height);
    var g = picture.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.scale(width / 256.0, height / 256.0);
    var random = new Random(3);
    g.setColor(new Color(200, 120, 40));
    for (int i = 0; i < 50; i++) {
      g.fillOval(80 + random.nextInt(96), 50 + random.nextInt(160), 4 + random.nextInt(6), 4 + random.nextInt(6));
    }
    g.dispose();
    return Image.fromBufferedImage(picture).toJpeg(0.9f);
  }

  /** A plain grey JPEG: certainly not a leaf. */
  public static byte[] grey(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    java.util.Arrays.fill(rgb, (byte) 128);
    return new Image(width, height, rgb).toJpeg(0.9f);
  }

  /**
   * The JPEG with an EXIF block as phones write it: the given orientation (6 = turn 90° clockwise to view) and a GPS
   * position (latitude reference "N", a marker string the tests look for).
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    // TIFF, little-endian: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD holds GPSLatitudeRef "N" and a
    // GPSMapDatum "SIGHTLINE-GPS" whose text must not survive into anything stored.
    ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);                                         // no next IFD; IFD0 ends at 38
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
    tiff.putShort((short) 0x0012).putShort((short) 2).putInt(14).putInt(68);
    tiff.putInt(0);                                         // GPS IFD ends at 68
    tiff.put("SIGHTLINE-GPS\0".getBytes(StandardCharsets.US_ASCII));
    byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);                                  // SOI
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exif.length + tiffBytes.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exif);
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Whether {@code bytes} contain {@code marker} (ASCII). */
  public static boolean contains(byte[] bytes, String marker) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(marker);
  }
}
