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
import sightline.vision.model.ModelStore;

/**
 * The face paths on 640x480 camera-style JPEGs (see {@link Frames}), from JPEG bytes to results, with one shared
 * {@link FaceAnalyzer} as the server uses it. Single-thread methods report sampled latency (p50, p90, ...); the
 * threaded ones report whole-path throughput over all caller threads.
 *
 * <ul>
 *   <li>{@code verificationPath}: a one-face frame; decode, detect, 68 landmarks, align, embed, quality. Liveness is
 *       not part of {@link FaceAnalyzer} yet, so it is not included.</li>
 *   <li>{@code engagementDetection}: a three-face classroom frame; decode and detect (boxes and scores). This is
 *       only the first stage of the engagement path: head pose and eye state are not part of {@link FaceAnalyzer}
 *       yet, see {@link FaceModelBenchmark} for those models alone.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FacePathBenchmark {

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
  public List<DetectedFace> verificationPath() {
    return analyzer.analyze(decoder.decode(jpeg));
  }

  @Benchmark
  public List<DetectedFace> engagementDetection() {
    return analyzer.analyze(decoder.decode(group), Set.of());
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
