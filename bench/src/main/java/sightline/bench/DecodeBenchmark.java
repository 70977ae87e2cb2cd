package sightline.bench;

import java.util.concurrent.TimeUnit;
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

/**
 * Decoding a 640x480 camera-style JPEG ({@link Frames#singleFace}, quality 90) with {@link ImageDecoder}, one
 * thread: {@code plain} has no colour profile, {@code icc} carries an sRGB ICC profile in APP2, as many phone and
 * webcam JPEGs do (with plain ImageIO colour management that made decoding about 3x slower). {@link CpuTime}
 * counts the calling thread's CPU time as well.
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
    jpeg = profile.equals("icc") ? Frames.withIccProfile(Frames.singleFace()) : Frames.singleFace();
  }

  @Benchmark
  public Image decodeJpeg640x480(CpuTime cpu) {
    cpu.start();
    Image image = decoder.decode(jpeg);
    cpu.stop();
    return image;
  }
}
