package sightline.bench;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/** Decoding a 640x480 camera-style JPEG (quality 90, no colour profile) with {@link ImageDecoder}, one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecodeBenchmark {

  private final ImageDecoder decoder = ImageDecoder.withDefaults();
  private byte[] jpeg;

  @Setup
  public void encode() {
    jpeg = Frames.cameraJpeg();
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
  }
}
