package sightline.bench;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/**
 * Decoding a 640x480 camera-style JPEG (quality 90) with {@link ImageDecoder}, one thread: {@code plain} has no
 * colour profile, {@code icc} carries an sRGB ICC profile in APP2, as many phone and webcam JPEGs do (with plain
 * ImageIO colour management that made decoding about 3x slower).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecodeBenchmark {

  @Param({"plain", "icc"})
  public String profile;

  private final ImageDecoder decoder = ImageDecoder.withDefaults();
  private byte[] jpeg;

  @Setup
  public void encode() {
    jpeg = profile.equals("icc") ? Frames.withIccProfile(Frames.cameraJpeg()) : Frames.cameraJpeg();
  }

  @Benchmark
  public Image decodeJpeg640x480() {
    return decoder.decode(jpeg);
  }

  /** A 640x480 JPEG made from the face-api sample photo {@code sample1}, as a webcam would send it. */
  static final class Frames {

    private Frames() {
    }

    static byte[] cameraJpeg() {
      Image photo = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample1"));
      BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
      var g = frame.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      // Cover the frame keeping the aspect ratio, as a camera crop would.
      double factor = Math.max(640.0 / photo.width(), 480.0 / photo.height());
      int w = (int) Math.ceil(photo.width() * factor);
      int h = (int) Math.ceil(photo.height() * factor);
      g.drawImage(photo.toBufferedImage(), (640 - w) / 2, (480 - h) / 2, w, h, null);
      g.dispose();
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
  }
}
