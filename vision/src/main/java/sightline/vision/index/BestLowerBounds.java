package sightline.vision.index;

import java.util.Arrays;

/**
 * The {@code k} largest lower bounds seen so far, at most one per owner. Its {@link #threshold} is a score the
 * k-th best answer is sure to reach, so anything whose upper bound falls below it can be skipped. Not thread-safe:
 * one per search.
 *
 * <p>Owners are identity ordinals when answering best per identity (an identity must not be counted twice, or the
 * threshold would overshoot) and template slots otherwise. Updates are linear in {@code k}, but happen only when a
 * bound beats the current threshold, which after the first few thousand templates is rare.
 */
final class BestLowerBounds {

  private final int[] owners;
  private final float[] lows;
  private int size;
  private int weakest;

  BestLowerBounds(int k) {
    owners = new int[k];
    lows = new float[k];
  }

  /** A score at least k distinct owners reach; negative infinity until k owners are known. */
  float threshold() {
    return size == lows.length ? lows[weakest] : Float.NEGATIVE_INFINITY;
  }

  /** Records that {@code owner} scores at least {@code low}; returns whether the threshold may have changed. */
  boolean offer(int owner, float low, boolean distinctOwnersOnly) {
    if (size == lows.length && low <= lows[weakest]) {
      return false;
    }
    if (distinctOwnersOnly) {
      for (int i = 0; i < size; i++) {
        if (owners[i] == owner) {
          if (low <= lows[i]) {
            return false;
          }
          lows[i] = low;
          findWeakest();
          return true;
        }
      }
    }
    if (size < lows.length) {
      owners[size] = owner;
      lows[size] = low;
      size++;
    } else {
      owners[weakest] = owner;
      lows[weakest] = low;
    }
    findWeakest();
    return true;
  }

  private void findWeakest() {
    int w = 0;
    for (int i = 1; i < size; i++) {
      if (lows[i] < lows[w]) {
        w = i;
      }
    }
    weakest = w;
  }

  @Override
  public String toString() {
    return "BestLowerBounds" + Arrays.toString(Arrays.copyOf(lows, size));
  }
}
