package sightline.vision.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTests {

  /** What the index holds, kept apart in plain collections and searched by brute force in double precision. */
  private static final class Reference {
    final Map<UUID, float[]> vectors = new LinkedHashMap<>();
    final Map<UUID, String> owners = new HashMap<>();

    void add(String identity, UUID template, float[] vector) {
      vectors.put(template, vector);
      owners.put(template, identity);
    }

    void remove(UUID template) {
      vectors.remove(template);
      owners.remove(template);
    }

    /** Every qualifying (identity, template, exact score), best first; one per identity when asked. */
    List<Match<String>> ranking(float[] query, boolean perIdentity, float minScore, Set<String> members) {
      Map<String, Match<String>> best = new HashMap<>();
      List<Match<String>> all = new ArrayList<>();
      vectors.forEach((template, vector) -> {
        String owner = owners.get(template);
        if (members != null && !members.contains(owner)) {
          return;
        }
        float score = (float) cosine(query, vector);
        if (score < minScore) {
          return;
        }
        var match = new Match<>(owner, template, score);
        all.add(match);
        best.merge(owner, match, (a, b) -> a.score() >= b.score() ? a : b);
      });
      List<Match<String>> ranked = new ArrayList<>(perIdentity ? best.values() : all);
      ranked.sort(Comparator.comparingDouble((Match<String> m) -> -m.score()));
      return ranked;
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += (double) a[j] * b[j];
      na += (double) a[j] * a[j];
      nb += (double) b[j] * b[j];
    }
    return dot / Math.sqrt(na * nb);
  }

  static float[] gaussian(Random random, int d) {
    float[] v = new float[d];
    for (int j = 0; j < d; j++) {
      v[j] = (float) random.nextGaussian();
    }
    return v;
  }

  /** A vector at roughly the given cosine to {@code centre}: how a second photo of the same face looks. */
  static float[] near(Random random, float[] centre, double noise) {
    float[] v = gaussian(random, centre.length);
    double norm = Math.sqrt(centre.length);
    double centreNorm = Math.sqrt(centre.length);
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (centre[j] / centreNorm + noise * v[j] / norm);
    }
    return v;
  }

  /**
   * The index must return exactly what brute force returns: the same scores in the same order (within float
   * rounding) and, wherever the k-th and (k+1)-th scores are not tied, the same identities.
   */
  static void assertSameAsBruteForce(Matches<String> actual, List<Match<String>> expected, int limit) {
    List<Match<String>> top = expected.subList(0, Math.min(limit, expected.size()));
    assertThat(actual.size()).isEqualTo(top.size());
    for (int i = 0; i < top.size(); i++) {
      assertThat(actual.ranked().get(i).score()).as("score at rank %d", i).isCloseTo(top.get(i).score(), within(2e-5f));
    }
    float next = expected.size() > limit ? expected.get(limit).score() : Float.NEGATIVE_INFINITY;
    Set<UUID> returned = new HashSet<>();
    actual.ranked().forEach(m -> returned.add(m.template()));
    for (Match<String> m : top) {
      if (m.score() > next + 1e-4f) {
        assertThat(returned).as("template %s (score %s) is missing", m.template(), m.score()).contains(m.template());
      }
    }
  }

  @Test
  void perTemplateSearchEqualsBruteForceOnRandomVectors() {
    var random = new Random(42);
    int d = 512;
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    for (int i = 0; i < 9_000; i++) { // three chunks, the last one partly filled
      float[] v = gaussian(random, d);
      UUID template = new UUID(0, i);
      index.add("person-" + i, template, v);
      reference.add("person-" + i, template, v);
    }
    var options = SearchOptions.defaults().withBestPerIdentity(false);
    for (int limit : new int[] {1, 5, 50}) {
      for (int trial = 0; trial < 5; trial++) {
        float[] query = trial % 2 == 0 ? gaussian(random, d)
            : near(random, reference.vectors.get(new UUID(0, random.nextInt(9_000))), 0.8);
        var actual = index.search(query, options.withLimit(limit));
        assertSameAsBruteForce(actual, reference.ranking(query, false, -1f, null), limit);
      }
    }
  }

  @Test
  void bestPerIdentitySearchEqualsBruteForceWithSeveralTemplatesEach() {
    var random = new Random(7);
    int d = 131; // not a multiple of 4 or 8: exercises the remainder loops
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    List<float[]> centres = new ArrayList<>();
    for (int person = 0; person < 2_500; person++) {
      float[] centre = gaussian(random, d);
      centres.add(centre);
      for (int photo = 0; photo < 1 + person % 4; photo++) {
        float[] v = near(random, centre, 0.7);
        UUID template = UUID.randomUUID();
        index.add("person-" + person, template, v);
        reference.add("person-" + person, template, v);
      }
    }
    assertThat(index.identityCount()).isEqualTo(2_500);
    for (int trial = 0; trial < 12; trial++) {
      float[] query = near(random, centres.get(random.nextInt(centres.size())), 0.7);
      int limit = 1 + trial;
      var actual = index.search(query, SearchOptions.defaults().withLimit(limit));
      assertSameAsBruteForce(actual, reference.ranking(query, true, -1f, null), limit);
      assertThat(actual.ranked()).extracting(Match::identity).doesNotHaveDuplicates();
    }
  }

  /** A unit vector whose cosine with unit {@code q} is exactly {@code cosine} (up to float rounding). */
  static float[] atCosine(Random random, float[] q, double cosine) {
    float[] u = gaussian(random, q.length);
    double along = 0;
    for (int j = 0; j < q.length; j++) {
      along += u[j] * q[j];
    }
    double norm = 0;
    double[] orthogonal = new double[q.length];
    for (int j = 0; j < q.length; j++) {
      orthogonal[j] = u[j] - along * q[j];
      norm += orthogonal[j] * orthogonal[j];
    }
    float[] t = new float[q.length];
    double side = Math.sqrt(1 - cosine * cosine) / Math.sqrt(norm);
    for (int j = 0; j < q.length; j++) {
      t[j] = (float) (cosine * q[j] + side * orthogonal[j]);
    }
    return t;
  }

  /**
   * Two thousand templates whose exact scores are about 1.3e-4 apart, while their int8 copies are off by about 2e-3:
   * each has one dominant component (0.9), which makes its quantisation step coarse for all the others. Ranking
   * by the int8 copy would get almost every position wrong; only exact rescoring of everything the error bounds
   * cannot rule out gives the brute-force answer.
   */
  @Test
  void nearTiesAreRankedByExactScoresNotByTheInt8Copy() {
    var random = new Random(23);
    int d = 512;
    float[] rest = Int8CodeTests.unit(random, d - 1);
    float[] q = new float[d];
    System.arraycopy(rest, 0, q, 1, d - 1);
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    for (int i = 0; i < 6_000; i++) {
      float[] t;
      if (i < 2_000) {
        float[] w = atCosine(random, rest, 0.2 + 3e-4 * i);
        t = new float[d];
        t[0] = 0.9f;
        for (int j = 1; j < d; j++) {
          t[j] = (float) (Math.sqrt(1 - 0.81) * w[j - 1]);
        }
      } else {
        t = gaussian(random, d);
      }
      UUID template = new UUID(0, i);
      String identity = "person-" + (i % 1_500); // several templates per identity, near-tied among themselves
      index.add(identity, template, t);
      reference.add(identity, template, t);
    }
    for (boolean perIdentity : new boolean[] {false, true}) {
      for (int limit : new int[] {1, 3, 10, 100}) {
        var actual = index.search(q, SearchOptions.defaults().withLimit(limit).withBestPerIdentity(perIdentity));
        assertSameAsBruteForce(actual, reference.ranking(q, perIdentity, -1f, null), limit);
      }
    }
  }

  @Test
  void aQueryEqualToATemplateFindsItsIdentityFirstWithScoreOne() {
    var random = new Random(1);
    EmbeddingIndex<String> index = EmbeddingIndex.create(64);
    float[] alice = gaussian(random, 64);
    index.add("alice", new UUID(1, 1), alice);
    for (int i = 0; i < 500; i++) {
      index.add("other-" + i, new UUID(2, i), gaussian(random, 64));
    }
    float[] scaled = alice.clone();
    for (int j = 0; j < scaled.length; j++) {
      scaled[j] *= 3.5f; // length does not matter: the index normalises
    }
    Match<String> best = index.search(scaled, SearchOptions.defaults()).best().orElseThrow();
    assertThat(best.identity()).isEqualTo("alice");
    assertThat(best.template()).isEqualTo(new UUID(1, 1));
    assertThat(best.score()).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void ranksBestFirstAndTopKKeepsThatOrder() {
    EmbeddingIndex<String> index = EmbeddingIndex.create(2);
    index.add("east", new UUID(0, 1), new float[] {1, 0});
    index.add("north-east", new UUID(0, 2), new float[] {1, 1});
    index.add("north", new UUID(0, 3), new float[] {0, 1});
    index.add("west", new UUID(0, 4), new float[] {-1, 0});
    Matches<String> matches = index.search(new float[] {1, 0.2f}, SearchOptions.defaults().withLimit(4));
    assertThat(matches.ranked()).extracting(Match::identity).containsExactly("east", "north-east", "north", "west");
    assertThat(matches.ranked().get(3).score()).isCloseTo(-0.98058f, within(1e-5f));
    assertThat(matches.topK(2).ranked()).extracting(Match::identity).containsExactly("east", "north-east");
    assertThat(index.search(new float[] {1, 0.2f}, SearchOptions.defaults().withMinScore(0.5f)).ranked())
        .extracting(Match::identity).containsExactly("east", "north-east");
  }

  @Test
  void removedTemplatesAreNeverReturnedAndTheRestStayCorrect() {
    var random = new Random(3);
    int d = 96;
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    List<UUID> all = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      float[] v = gaussian(random, d);
      UUID template = UUID.randomUUID();
      index.add("person-" + (i / 2), template, v);
      reference.add("person-" + (i / 2), template, v);
      all.add(template);
    }
    // Remove from the front, middle and end: every removal moves the last template into the hole.
    for (int i = 0; i < 6_000; i++) {
      UUID gone = all.remove(random.nextInt(all.size()));
      assertThat(index.remove(gone)).isTrue();
      reference.remove(gone);
    }
    assertThat(index.remove(UUID.randomUUID())).isFalse();
    assertThat(index.size()).isEqualTo(4_000);
    for (int trial = 0; trial < 5; trial++) {
      float[] query = trial == 0 ? reference.vectors.values().iterator().next() : gaussian(random, d);
      var actual = index.search(query, SearchOptions.defaults().withLimit(20).withBestPerIdentity(false));
      assertSameAsBruteForce(actual, reference.ranking(query, false, -1f, null), 20);
      actual.ranked().forEach(m -> assertThat(reference.vectors).containsKey(m.template()));
    }
  }

  @Test
  void removingAnIdentityRemovesAllItsTemplates() {
    var random = new Random(5);
    EmbeddingIndex<String> index = EmbeddingIndex.create(32);
    float[] bob = gaussian(random, 32);
    index.add("bob", UUID.randomUUID(), bob);
    index.add("bob", UUID.randomUUID(), near(random, bob, 0.1));
    index.add("carol", UUID.randomUUID(), gaussian(random, 32));
    assertThat(index.templatesOf("bob")).hasSize(2);
    assertThat(index.removeIdentity("bob")).isEqualTo(2);
    assertThat(index.removeIdentity("bob")).isZero();
    assertThat(index.templatesOf("bob")).isEmpty();
    assertThat(index.identityCount()).isEqualTo(1);
    assertThat(index.search(bob, SearchOptions.defaults()).ranked()).extracting(Match::identity)
        .containsExactly("carol");
  }

  @Test
  void searchWithinAGroupEqualsBruteForceOverItsMembers() {
    var random = new Random(11);
    int d = 128;
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    for (int i = 0; i < 6_000; i++) {
      float[] v = gaussian(random, d);
      UUID template = UUID.randomUUID();
      index.add("person-" + (i % 3_000), template, v);
      reference.add("person-" + (i % 3_000), template, v);
    }
    Set<String> roster = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      roster.add("person-" + random.nextInt(3_000));
    }
    roster.add("nobody-enrolled");
    Set<String> half = new HashSet<>();
    for (int i = 0; i < 3_000; i += 2) {
      half.add("person-" + i);
    }
    for (Set<String> group : List.of(roster, half)) { // direct scoring, then the masked scan
      for (boolean perIdentity : new boolean[] {true, false}) {
        float[] query = gaussian(random, d);
        var options = SearchOptions.defaults().withLimit(10).withBestPerIdentity(perIdentity);
        var actual = index.searchWithin(query, group, options);
        assertSameAsBruteForce(actual, reference.ranking(query, perIdentity, -1f, group), 10);
        actual.ranked().forEach(m -> assertThat(group).contains(m.identity()));
      }
    }
    assertThat(index.searchWithin(gaussian(random, d), Set.of("stranger"), SearchOptions.defaults()).isEmpty())
        .isTrue();
    var twice = index.searchWithin(gaussian(random, d), List.of("person-1", "person-1"),
        SearchOptions.defaults().withBestPerIdentity(false));
    assertThat(twice.ranked()).extracting(Match::template).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aMinimumScoreLeavesOutWeakerMatches() {
    var random = new Random(13);
    int d = 256;
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    var reference = new Reference();
    float[] centre = gaussian(random, d);
    for (int i = 0; i < 5_000; i++) {
      float[] v = i < 3 ? near(random, centre, 0.5) : gaussian(random, d);
      UUID template = UUID.randomUUID();
      index.add("person-" + i, template, v);
      reference.add("person-" + i, template, v);
    }
    var options = SearchOptions.defaults().withLimit(10).withMinScore(0.6f);
    var actual = index.search(centre, options);
    List<Match<String>> expected = reference.ranking(centre, true, 0.6f, null);
    assertThat(expected).hasSize(3);
    assertSameAsBruteForce(actual, expected, 10);
    assertThat(actual.ranked()).allSatisfy(m -> assertThat(m.isAtLeast(0.6)).isTrue());
  }

  @Test
  void rejectsVectorsThatBreakTheInputContract() {
    EmbeddingIndex<String> index = EmbeddingIndex.create(4);
    UUID template = UUID.randomUUID();
    index.add("a", template, new float[] {1, 2, 3, 4});
    assertThatThrownBy(() -> index.add("b", template, new float[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> index.add("b", UUID.randomUUID(), new float[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 components");
    assertThatThrownBy(() -> index.add("b", UUID.randomUUID(), new float[4]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero vector");
    assertThatThrownBy(() -> index.search(new float[] {1, Float.NaN, 0, 0}, SearchOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> SearchOptions.defaults().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SearchOptions.defaults().withMinScore(1.5f))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void concurrentAddsRemovesAndSearchesStayConsistent() throws Exception {
    var random = new Random(17);
    int d = 128;
    EmbeddingIndex<String> index = EmbeddingIndex.create(d);
    // Stable identities are never removed: a query equal to one of them must always find it first, score 1.
    List<float[]> stable = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      float[] v = gaussian(random, d);
      stable.add(v);
      index.add("stable-" + i, new UUID(7, i), v);
    }
    for (int i = 0; i < 5_000; i++) {
      index.add("churn-" + i, UUID.randomUUID(), gaussian(random, d));
    }
    var stop = new AtomicBoolean();
    var failures = new ConcurrentLinkedQueue<Throwable>();
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> work = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      work.add(pool.submit(() -> {
        var local = new Random(100 + writer);
        List<UUID> mine = new ArrayList<>();
        int operations = 0;
        start.await();
        while (!stop.get()) {
          try {
            if (mine.size() > 50 && local.nextBoolean()) {
              index.remove(mine.remove(local.nextInt(mine.size())));
            } else {
              UUID template = UUID.randomUUID();
              index.add("writer-" + writer + "-" + local.nextInt(500), template, gaussian(local, d));
              mine.add(template);
            }
            operations++;
          } catch (Throwable t) {
            failures.add(t);
          }
        }
        return operations;
      }));
    }
    for (int r = 0; r < 2; r++) {
      int reader = r;
      work.add(pool.submit(() -> {
        var local = new Random(200 + reader);
        int searches = 0;
        start.await();
        while (!stop.get()) {
          try {
            int target = local.nextInt(stable.size());
            Matches<String> matches = reader == 0
                ? index.search(stable.get(target), SearchOptions.defaults().withLimit(3))
                : index.searchWithin(stable.get(target), Set.of("stable-" + target, "stable-" + (target + 1), "churn-1"),
                    SearchOptions.defaults().withLimit(3));
            Match<String> best = matches.best().orElseThrow();
            if (!best.identity().equals("stable-" + target) || Math.abs(best.score() - 1f) > 1e-5f) {
              failures.add(new AssertionError("query for stable-" + target + " answered " + matches));
            }
            if (matches.ranked().stream().map(Match::identity).distinct().count() != matches.size()) {
              failures.add(new AssertionError("an identity appears twice: " + matches));
            }
            searches++;
          } catch (Throwable t) {
            failures.add(t);
          }
        }
        return searches;
      }));
    }
    start.countDown();
    Thread.sleep(1_500);
    stop.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    for (Future<Integer> f : work) {
      assertThat(f.get()).as("operations of one worker").isPositive();
    }
    assertThat(failures).isEmpty();
    for (int i = 0; i < stable.size(); i += 37) {
      assertThat(index.search(stable.get(i), SearchOptions.defaults()).best().orElseThrow().identity())
          .isEqualTo("stable-" + i);
    }
  }
}
