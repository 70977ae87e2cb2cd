package sightline.bench;

import java.util.SplittableRandom;
import java.util.UUID;
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
import sightline.vision.index.EmbeddingIndex;
import sightline.vision.index.Matches;
import sightline.vision.index.SearchOptions;

/**
 * 1:N identification latency, one caller thread: the five best of {@code identities} 512-d templates (one per
 * identity). {@code enrolled} queries are a second capture of an enrolled identity (cosine about 0.7 to its
 * template), {@code stranger} queries belong to nobody (random directions). {@link CpuTime} counts the calling
 * thread's CPU time as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IndexSearchBenchmark {

  static final int DIMENSIONS = 512;
  static final int QUERIES = 64;

  @Param({"10000", "100000"})
  public int identities;

  @Param({"enrolled", "stranger"})
  public String query;

  private EmbeddingIndex<Integer> index;
  private float[][] queries;
  private int next;

  @Setup
  public void fill() {
    var random = new SplittableRandom(42);
    index = EmbeddingIndex.create(DIMENSIONS);
    float[][] sample = new float[QUERIES][];
    for (int i = 0; i < identities; i++) {
      float[] template = Embeddings.random(random, DIMENSIONS);
      index.add(i, new UUID(0, i), template);
      if (i % (identities / QUERIES) == 0 && i / (identities / QUERIES) < QUERIES) {
        sample[i / (identities / QUERIES)] = template;
      }
    }
    queries = new float[QUERIES][];
    for (int q = 0; q < QUERIES; q++) {
      queries[q] = query.equals("enrolled") ? Embeddings.near(random, sample[q], 1.0)
          : Embeddings.random(random, DIMENSIONS);
    }
  }

  @Benchmark
  public Matches<Integer> search(CpuTime cpu) {
    cpu.start();
    Matches<Integer> matches = index.search(queries[next++ & (QUERIES - 1)], SearchOptions.defaults());
    cpu.stop();
    return matches;
  }
}
