package sightline.bench;

import java.util.HashSet;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import sightline.vision.index.EmbeddingIndex;
import sightline.vision.index.Matches;
import sightline.vision.index.SearchOptions;

/**
 * 1:N throughput with 1, 2 and 4 caller threads sharing one index (searches share its read lock), and a search
 * restricted to a 300-student roster. Queries are second captures of enrolled identities. Scores are operations
 * per second over all threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IndexScalingBenchmark {

  static final int QUERIES = 64;

  @Param({"10000", "100000"})
  public int identities;

  private EmbeddingIndex<Integer> index;
  private float[][] queries;
  private Set<Integer> roster;

  /** Each caller thread walks the queries on its own. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    float[] next(float[][] queries) {
      return queries[next++ & (QUERIES - 1)];
    }
  }

  @Setup
  public void fill() {
    var random = new SplittableRandom(7);
    index = EmbeddingIndex.create(IndexSearchBenchmark.DIMENSIONS);
    queries = new float[QUERIES][];
    roster = new HashSet<>();
    int step = identities / QUERIES;
    for (int i = 0; i < identities; i++) {
      float[] template = Embeddings.random(random, IndexSearchBenchmark.DIMENSIONS);
      index.add(i, new UUID(0, i), template);
      if (i % step == 0 && i / step < QUERIES) {
        queries[i / step] = Embeddings.near(random, template, 1.0);
        roster.add(i);
      }
    }
    while (roster.size() < 300) {
      roster.add(random.nextInt(identities));
    }
  }

  @Benchmark
  @Threads(1)
  public Matches<Integer> search1Thread(Cursor cursor) {
    return index.search(cursor.next(queries), SearchOptions.defaults());
  }

  @Benchmark
  @Threads(2)
  public Matches<Integer> search2Threads(Cursor cursor) {
    return index.search(cursor.next(queries), SearchOptions.defaults());
  }

  @Benchmark
  @Threads(4)
  public Matches<Integer> search4Threads(Cursor cursor) {
    return index.search(cursor.next(queries), SearchOptions.defaults());
  }

  @Benchmark
  @Threads(1)
  public Matches<Integer> searchWithinRoster(Cursor cursor) {
    return index.searchWithin(cursor.next(queries), roster, SearchOptions.defaults());
  }
}
