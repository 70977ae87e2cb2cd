package sightline.vision.index;

/**
 * How an {@link EmbeddingIndex} search answers.
 *
 * @param limit how many matches to return at most, {@code 1..10_000}
 * @param bestPerIdentity {@code true} to rank identities by their best template (one match per identity);
 *     {@code false} to rank templates, so one identity may appear several times
 * @param minScore matches below this cosine similarity are left out, in {@code [-1, 1]}; a high value (a calibrated
 *     same-person threshold) also makes the search cheaper, since fewer templates need exact rescoring
 */
public record SearchOptions(int limit, boolean bestPerIdentity, float minScore) {

  /** Upper bound on {@link #limit}: the threshold tracking is linear in it. */
  public static final int MAX_LIMIT = 10_000;

  public SearchOptions {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
    }
    if (!(minScore >= -1f && minScore <= 1f)) {
      throw new IllegalArgumentException("minScore must be in [-1, 1], was " + minScore);
    }
  }

  /** Five best identities, whatever their score. */
  public static SearchOptions defaults() {
    return new SearchOptions(5, true, -1f);
  }

  public SearchOptions withLimit(int limit) {
    return new SearchOptions(limit, bestPerIdentity, minScore);
  }

  public SearchOptions withBestPerIdentity(boolean bestPerIdentity) {
    return new SearchOptions(limit, bestPerIdentity, minScore);
  }

  public SearchOptions withMinScore(float minScore) {
    return new SearchOptions(limit, bestPerIdentity, minScore);
  }
}
