package sightline.vision.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory index of face templates for 1:N identification: exact top-k cosine search over unit-length
 * embeddings, best per identity or per template, over the whole index or a subset of identities.
 *
 * <h2>Keys</h2>
 * Identities are the caller's own keys ({@code K}, for example a {@code UserId} record; any type with value
 * equality). An identity may have several templates, each with a caller-chosen {@link UUID} (for example the id of
 * the stored enrolment), so the index can be rebuilt from the database at start-up and answers say which template
 * matched.
 *
 * <h2>Input contract</h2>
 * Every vector has exactly {@link #dimensions()} finite components and a non-zero norm. The index normalises
 * templates and queries to unit length itself (it copies them; the caller's arrays are never kept or changed), so
 * every score is a cosine similarity in {@code [-1, 1]}.
 *
 * <h2>Storage and search</h2>
 * Templates live in chunks of 4,096 templates, each chunk two contiguous primitive arrays: the unit
 * vectors as {@code float}s, row-major (one template's components adjacent), and an {@code int8} copy of them,
 * dimension-major. A search is exact but reads mostly the int8 copy, a quarter of the bytes: at 100,000 x 512 the
 * float vectors alone are 205 MB, and one core of our 2-core server reads memory at about 6 GB/s, so a plain float
 * scan cannot finish in 10 ms however it is written. It goes in two passes:
 * <ol>
 *   <li>an approximate score for every template from the int8 copy (a loop HotSpot vectorises), which, with each
 *       template's guaranteed error bound (see {@code Int8Code}), gives a lower and an upper bound of its exact
 *       score; the k-th best lower bound (distinct identities when answering per identity) is a threshold the
 *       answer is sure to reach, and every template whose upper bound stays below it is dropped;</li>
 *   <li>the survivors, typically a few dozen, are rescored exactly from the float vectors and ranked.</li>
 * </ol>
 * No template that belongs in the answer can be dropped, so the result equals a brute-force float scan (up to the
 * order of scores within float rounding, about {@code 1e-6}).
 *
 * <p>A search restricted to identities ({@link #searchWithin}) scores their templates directly from the float
 * vectors when they are fewer than a quarter of the index (a course roster of a few hundred takes well under a
 * millisecond), and otherwise runs the two-pass scan with the others masked out.
 *
 * <h2>Thread safety</h2>
 * All methods are thread-safe. A {@link ReentrantReadWriteLock} (non-fair) guards the arrays: searches share the
 * read lock and run in parallel; {@link #add} and {@link #remove} take the write lock for microseconds (one vector
 * copied in; a removed slot is filled by moving the last template into it, so the arrays stay dense). Copy-on-write
 * was rejected: copying even one 4,096-template chunk (10 MB) per enrolment costs more than waiting for the
 * searches in flight, each of which holds the read lock for one scan (about 7 ms at 100,000 x 512, well under a
 * millisecond at 10,000). A search therefore sees the index either before or after any given add or remove, never
 * halfway; a queued writer stops new readers from barging in, so writers do not starve.
 *
 * <p>Memory: about {@code 5 * dimensions} bytes per template plus ~150 bytes of bookkeeping; 100,000 templates of
 * 512 dimensions take about 270 MB of heap.
 *
 * @param <K> the caller's identity key type
 */
public final class EmbeddingIndex<K> {

  /** Templates per chunk: the scores of one chunk (16 KB) stay in the L1 cache during the int8 pass. */
  static final int CHUNK = 4096;

  private final int dimensions;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  // Everything below is guarded by lock.
  private float[][] vectors = new float[0][];
  private byte[][] codes = new byte[0][];
  private float[] scales = new float[0];
  private float[] bounds = new float[0];
  private int[] owners = new int[0];
  private UUID[] templates = new UUID[0];
  private int size;
  private final Map<UUID, Integer> slots = new HashMap<>();
  private final Map<K, Identity> identities = new HashMap<>();
  private final List<@Nullable K> keysByOrdinal = new ArrayList<>();
  private final ArrayDeque<Integer> freeOrdinals = new ArrayDeque<>();

  private static final class Identity {
    final int ordinal;
    final List<UUID> templates = new ArrayList<>(2);

    Identity(int ordinal) {
      this.ordinal = ordinal;
    }
  }

  private EmbeddingIndex(int dimensions) {
    this.dimensions = dimensions;
  }

  /** An empty index for vectors of {@code dimensions} components (512 for {@code fr_feature}). */
  public static <K> EmbeddingIndex<K> create(int dimensions) {
    if (dimensions < 1 || dimensions > 65_536) {
      throw new IllegalArgumentException("dimensions must be in [1, 65536], was " + dimensions);
    }
    return new EmbeddingIndex<>(dimensions);
  }

  public int dimensions() {
    return dimensions;
  }

  /** Number of templates. */
  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of identities with at least one template. */
  public int identityCount() {
    lock.readLock().lock();
    try {
      return identities.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public boolean contains(UUID template) {
    lock.readLock().lock();
    try {
      return slots.containsKey(template);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The templates of {@code identity}, in the order they were added; empty when it has none. */
  public List<UUID> templatesOf(K identity) {
    lock.readLock().lock();
    try {
      Identity entry = identities.get(identity);
      return entry == null ? List.of() : List.copyOf(entry.templates);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Adds a template for {@code identity}. The vector is copied and normalised to unit length.
   *
   * @throws IllegalArgumentException when the vector breaks the input contract or {@code template} is already in
   *     the index
   */
  public void add(K identity, UUID template, float[] embedding) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(template, "template");
    float[] unit = normalised(embedding, "embedding");
    Int8Code code = Int8Code.of(unit);
    lock.writeLock().lock();
    try {
      if (slots.containsKey(template)) {
        throw new IllegalArgumentException("template " + template + " is already in the index");
      }
      ensureCapacity(size + 1);
      int slot = size++;
      Identity entry = identities.computeIfAbsent(identity, this::newIdentity);
      entry.templates.add(template);
      slots.put(template, slot);
      write(slot, unit, code, entry.ordinal, template);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes one template; returns whether it was there. An identity left without templates is forgotten. */
  public boolean remove(UUID template) {
    lock.writeLock().lock();
    try {
      Integer slot = slots.remove(template);
      if (slot == null) {
        return false;
      }
      @SuppressWarnings("unchecked")
      K key = (K) Objects.requireNonNull(keysByOrdinal.get(owners[slot]));
      Identity entry = identities.get(key);
      entry.templates.remove(template);
      if (entry.templates.isEmpty()) {
        identities.remove(key);
        keysByOrdinal.set(entry.ordinal, null);
        freeOrdinals.push(entry.ordinal);
      }
      removeSlot(slot);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes every template of {@code identity}; returns how many there were. */
  public int removeIdentity(K identity) {
    lock.writeLock().lock();
    try {
      Identity entry = identities.get(identity);
      if (entry == null) {
        return 0;
      }
      List<UUID> gone = List.copyOf(entry.templates);
      gone.forEach(this::remove); // re-entrant write lock
      return gone.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The best matches for {@code query} over the whole index.
   *
   * @throws IllegalArgumentException when the query breaks the input contract
   */
  public Matches<K> search(float[] query, SearchOptions options) {
    float[] q = normalised(query, "query");
    lock.readLock().lock();
    try {
      return scan(q, options, null);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The best matches for {@code query} among {@code members} only, for example the students enrolled in a course.
   * Identities not in the index (and repeats) are ignored. Cost grows with the members' templates, not the index, while they are
   * under a quarter of it.
   *
   * @throws IllegalArgumentException when the query breaks the input contract
   */
  public Matches<K> searchWithin(float[] query, Collection<? extends K> members, SearchOptions options) {
    float[] q = normalised(query, "query");
    lock.readLock().lock();
    try {
      int[] chosen = new int[16];
      int count = 0;
      // A member listed twice must not have its templates scored (and returned) twice.
      Collection<? extends K> distinct = members instanceof Set<?> ? members : new HashSet<>(members);
      for (K member : distinct) {
        Identity entry = identities.get(member);
        if (entry == null) {
          continue;
        }
        for (UUID template : entry.templates) {
          if (count == chosen.length) {
            chosen = Arrays.copyOf(chosen, count * 2);
          }
          chosen[count++] = slots.get(template);
        }
      }
      // A direct float score reads 4 bytes per component, the int8 pass 1 byte for every template: direct wins
      // while the subset is under a quarter of the index.
      if ((long) count * 4 <= size) {
        return rank(q, chosen, count, options);
      }
      boolean[] allowed = new boolean[size];
      for (int i = 0; i < count; i++) {
        allowed[chosen[i]] = true;
      }
      return scan(q, options, allowed);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Matches<K> scan(float[] q, SearchOptions options, boolean @Nullable [] allowed) {
    boolean perIdentity = options.bestPerIdentity();
    float floor = options.minScore();
    BestLowerBounds lows = new BestLowerBounds(options.limit());
    float[] scores = new float[CHUNK];
    int[] candidates = new int[64];
    float[] uppers = new float[64];
    int count = 0;
    float cut = floor;
    for (int chunk = 0; chunk * CHUNK < size; chunk++) {
      int base = chunk * CHUNK;
      int n = Math.min(CHUNK, size - base);
      DotProducts.scoreColumns(codes[chunk], CHUNK, n, q, scores);
      for (int i = 0; i < n; i++) {
        int slot = base + i;
        float approx = scores[i] * scales[slot];
        float upper = approx + bounds[slot];
        if (upper < cut || (allowed != null && !allowed[slot])) {
          continue;
        }
        if (count == candidates.length) {
          candidates = Arrays.copyOf(candidates, count * 2);
          uppers = Arrays.copyOf(uppers, count * 2);
        }
        candidates[count] = slot;
        uppers[count] = upper;
        count++;
        if (lows.offer(perIdentity ? owners[slot] : slot, approx - bounds[slot], perIdentity)) {
          cut = Math.max(floor, lows.threshold());
        }
      }
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (uppers[i] >= cut) {
        candidates[kept++] = candidates[i];
      }
    }
    return rank(q, candidates, kept, options);
  }

  /** Exact scores of the given slots, ranked; best per identity when asked. */
  private Matches<K> rank(float[] q, int[] chosen, int count, SearchOptions options) {
    float floor = options.minScore();
    List<Scored> scored = new ArrayList<>(Math.min(count, 1024));
    @Nullable Map<Integer, Scored> bestByOwner = options.bestPerIdentity() ? new HashMap<>() : null;
    for (int i = 0; i < count; i++) {
      int slot = chosen[i];
      float score = DotProducts.dot(vectors[slot / CHUNK], (slot % CHUNK) * dimensions, q);
      if (score < floor) {
        continue;
      }
      Scored s = new Scored(slot, score, templates[slot]);
      if (bestByOwner == null) {
        scored.add(s);
      } else {
        bestByOwner.merge(owners[slot], s, (a, b) -> Scored.ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    if (bestByOwner != null) {
      scored.addAll(bestByOwner.values());
    }
    scored.sort(Scored.ORDER);
    List<Match<K>> ranked = new ArrayList<>(Math.min(options.limit(), scored.size()));
    for (Scored s : scored.subList(0, Math.min(options.limit(), scored.size()))) {
      @SuppressWarnings("unchecked")
      K key = (K) Objects.requireNonNull(keysByOrdinal.get(owners[s.slot]));
      ranked.add(new Match<>(key, s.template, s.score));
    }
    return new Matches<>(ranked);
  }

  private record Scored(int slot, float score, UUID template) {
    static final Comparator<Scored> ORDER =
        Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(Scored::template);
  }

  private Identity newIdentity(K key) {
    Integer free = freeOrdinals.poll();
    if (free != null) {
      keysByOrdinal.set(free, key);
      return new Identity(free);
    }
    keysByOrdinal.add(key);
    return new Identity(keysByOrdinal.size() - 1);
  }

  private void write(int slot, float[] unit, Int8Code code, int owner, UUID template) {
    int chunk = slot / CHUNK;
    int column = slot % CHUNK;
    System.arraycopy(unit, 0, vectors[chunk], column * dimensions, dimensions);
    byte[] block = codes[chunk];
    byte[] c = code.codes();
    for (int j = 0; j < dimensions; j++) {
      block[j * CHUNK + column] = c[j];
    }
    scales[slot] = code.scale();
    bounds[slot] = code.bound();
    owners[slot] = owner;
    templates[slot] = template;
  }

  /** Fills {@code slot} with the last template, so slots stay dense, and releases a trailing chunk left empty. */
  private void removeSlot(int slot) {
    int last = size - 1;
    if (slot != last) {
      int from = last / CHUNK;
      int fromColumn = last % CHUNK;
      int to = slot / CHUNK;
      int toColumn = slot % CHUNK;
      System.arraycopy(vectors[from], fromColumn * dimensions, vectors[to], toColumn * dimensions, dimensions);
      byte[] source = codes[from];
      byte[] target = codes[to];
      for (int j = 0; j < dimensions; j++) {
        target[j * CHUNK + toColumn] = source[j * CHUNK + fromColumn];
      }
      scales[slot] = scales[last];
      bounds[slot] = bounds[last];
      owners[slot] = owners[last];
      templates[slot] = templates[last];
      slots.put(templates[slot], slot);
    }
    templates[last] = null;
    size = last;
    // Hysteresis of half a chunk, so that adding and removing around a chunk boundary does not reallocate 10 MB.
    int chunks = vectors.length;
    if (chunks > 0 && size <= (chunks - 1) * CHUNK - CHUNK / 2) {
      vectors = Arrays.copyOf(vectors, chunks - 1);
      codes = Arrays.copyOf(codes, chunks - 1);
    }
  }

  private void ensureCapacity(int needed) {
    int chunks = vectors.length;
    if ((long) chunks * CHUNK >= needed) {
      return;
    }
    vectors = Arrays.copyOf(vectors, chunks + 1);
    codes = Arrays.copyOf(codes, chunks + 1);
    vectors[chunks] = new float[CHUNK * dimensions];
    codes[chunks] = new byte[CHUNK * dimensions];
    int capacity = (chunks + 1) * CHUNK;
    if (scales.length < capacity) {
      scales = Arrays.copyOf(scales, capacity);
      bounds = Arrays.copyOf(bounds, capacity);
      owners = Arrays.copyOf(owners, capacity);
      templates = Arrays.copyOf(templates, capacity);
    }
  }

  private float[] normalised(float[] vector, String what) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(what + " has " + vector.length + " components, the index " + dimensions);
    }
    double sum = 0;
    for (float v : vector) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(what + " has a component that is not a finite number");
      }
      sum += (double) v * v;
    }
    if (sum == 0) {
      throw new IllegalArgumentException(what + " is the zero vector, which has no direction");
    }
    double inverse = 1.0 / Math.sqrt(sum);
    float[] unit = new float[dimensions];
    for (int j = 0; j < dimensions; j++) {
      unit[j] = (float) (vector[j] * inverse);
    }
    return unit;
  }
}
