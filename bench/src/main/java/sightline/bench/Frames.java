package sightline.bench;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/**
 * 640x480 camera-style JPEGs (quality 90) made from the face-api sample photo {@code sample1} (1920x1280, three
 * people; pinned by SHA-256 in the model manifest).
 */
final class Frames {

  private Frames() {
  }

  /**
   * A 640x480 window of the full-resolution photo centred on its left-most face, as a webcam in front of one
   * person sees it: exactly one face, about 180 pixels wide. The window's corner (188, 235) was found by running
   * {@code FaceAnalyzer} on the photo; {@link FacePathBenchmark} checks it still holds one face.
   */
  static byte[] singleFace() {
    BufferedImage photo = photo().toBufferedImage();
    return jpeg(photo.getSubimage(188, 235, 640, 480));
  }

  /** The whole photo scaled to cover 640x480 (cropped top and bottom), like a classroom camera: three faces. */
  static byte[] group() {
    Image photo = photo();
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    var g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    double factor = Math.max(640.0 / photo.width(), 480.0 / photo.height());
    int w = (int) Math.ceil(photo.width() * factor);
    int h = (int) Math.ceil(photo.height() * factor);
    g.drawImage(photo.toBufferedImage(), (640 - w) / 2, (480 - h) / 2, w, h, null);
    g.dispose();
    return jpeg(frame);
  }

  /** The same JPEG with the sRGB ICC profile in an APP2 segment right after SOI. */
  static byte[] withIccProfile(byte[] jpeg) {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    byte[] magic = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + magic.length + 2 + profile.length;
    var out = new ByteArrayOutputStream(jpeg.length + length + 2);
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE2);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(magic);
    out.write(1); // chunk 1 of 1
    out.write(1);
    out.writeBytes(profile);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static Image photo() {
    return ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample1"));
  }

  private static byte[] jpeg(BufferedImage picture) {
    BufferedImage frame = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    frame.getGraphics().drawImage(picture, 0, 0, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var bytes = new ByteArrayOutputStream();
    try (var out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(frame, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
