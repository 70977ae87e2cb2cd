package sightline.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import sightline.vision.ImageDecoder;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.model.ModelStore;

/**
 * The face paths on 640x480 camera-style JPEGs (see {@link Frames}), from JPEG bytes to results, with one shared
 * {@link FaceAnalyzer} as the server uses it. Single-thread methods report sampled latency (p50, p90, ...); the
 * threaded ones report whole-path throughput over all caller threads. {@link CpuTime} counts the calling thread's
 * CPU time of the single-thread paths as well.
 *
 * <ul>
 *   <li>{@code verificationPath}: a one-face frame; decode, detect, 68 landmarks, align, embed, quality, head pose,
 *       eye states and passive liveness: everything {@link FaceAnalyzer} offers, as the verification path needs.</li>
 *   <li>{@code engagementPath}: decode, detect, head pose and eye states (which needs landmarks), on the one-face
 *       frame; {@code engagementPathThreeFaces} on a three-face classroom frame.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FacePathBenchmark {

  private static final Set<FaceAttribute> ENGAGEMENT = Set.of(FaceAttribute.POSE, FaceAttribute.EYES);

  private final ImageDecoder decoder = ImageDecoder.withDefaults();
  private FaceAnalyzer analyzer;
  private byte[] jpeg;
  private byte[] group;

  @Setup
  public void load() {
    analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.defaults());
    jpeg = Frames.singleFace();
    group = Frames.group();
    int faces = analyzer.analyze(decoder.decode(jpeg)).size();
    int people = analyzer.analyze(decoder.decode(group), Set.of()).size();
    if (faces != 1 || people != 3) {
      throw new IllegalStateException("expected frames of 1 and 3 faces, found " + faces + " and " + people);
    }
  }

  @TearDown
  public void close() {
    analyzer.close();
  }

  @Benchmark
  public List<DetectedFace> verificationPath(CpuTime cpu) {
    cpu.start();
    List<DetectedFace> faces = analyzer.analyze(decoder.decode(jpeg));
    cpu.stop();
    return faces;
  }

  @Benchmark
  public List<DetectedFace> engagementPath(CpuTime cpu) {
    cpu.start();
    List<DetectedFace> faces = analyzer.analyze(decoder.decode(jpeg), ENGAGEMENT);
    cpu.stop();
    return faces;
  }

  @Benchmark
  public List<DetectedFace> engagementPathThreeFaces(CpuTime cpu) {
    cpu.start();
    List<DetectedFace> faces = analyzer.analyze(decoder.decode(group), ENGAGEMENT);
    cpu.stop();
    return faces;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public List<DetectedFace> verificationPath1Thread() {
    return analyzer.analyze(decoder.decode(jpeg));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public List<DetectedFace> verificationPath2Threads() {
    return analyzer.analyze(decoder.decode(jpeg));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public List<DetectedFace> verificationPath4Threads() {
    return analyzer.analyze(decoder.decode(jpeg));
  }
}
