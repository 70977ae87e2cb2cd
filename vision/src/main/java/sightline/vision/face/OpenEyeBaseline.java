package sightline.vision.face;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One person's open-eye aspect ratio, learnt from their own recent frames: a high quantile of the ratios measured on
 * frames judged open inside the cone over the last minute. Eye shape, glasses and the landmark model's framing make
 * the open value differ from person to person (0.31 and 0.35 on the two focus-blink subjects), so a fixed threshold
 * on the ratio misjudges one of them; a share of the person's own value does not. While it is learning (fewer than
 * {@link #MIN_SAMPLES} samples) every frame is taken as a sample and the tracker does not judge the eyes. The last
 * {@link #MIN_SAMPLES} samples never expire: someone who sleeps for minutes stays judged asleep. Not thread-safe;
 * package-private.
 */
final class OpenEyeBaseline {

  static final Duration WINDOW = Duration.ofSeconds(60);
  /** Samples closer together than this are skipped, so that 30 frames/s and 1 frame/s weigh time alike. */
  static final Duration SPACING = Duration.ofMillis(100);
  static final int MIN_SAMPLES = 5;
  static final double QUANTILE = 0.7;

  private record Sample(Instant at, double ratio) {
  }

  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private double cached = Double.NaN;

  /** The current open-eye ratio: the quantile of the samples in the window; NaN while learning. */
  double value() {
    if (samples.size() < MIN_SAMPLES) return Double.NaN;
    if (Double.isNaN(cached)) {
      double[] sorted = samples.stream().mapToDouble(Sample::ratio).toArray();
      Arrays.sort(sorted);
      cached = sorted[(int) Math.floor(QUANTILE * (sorted.length - 1))];
    }
    return cached;
  }

  /** Adds an open-eye ratio measured at {@code at}; drops samples older than the window. */
  void add(Instant at, double ratio) {
    Sample last = samples.peekLast();
    if (last != null && Duration.between(last.at(), at).compareTo(SPACING) < 0) return;
    samples.addLast(new Sample(at, ratio));
    Instant oldest = at.minus(WINDOW);
    while (samples.size() > MIN_SAMPLES && samples.peekFirst().at().isBefore(oldest)) samples.removeFirst();
    cached = Double.NaN;
  }

  /** Whether there are still too few of the person's own samples to judge by. */
  boolean learning() {
    return samples.size() < MIN_SAMPLES;
  }
}
