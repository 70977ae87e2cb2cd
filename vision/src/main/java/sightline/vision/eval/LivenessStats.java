package sightline.vision.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Presentation-attack detection error rates in ISO/IEC 30107-3 terms, from live scores (higher means more likely
 * live; a presentation is accepted as bona fide when its score reaches the threshold). Pure functions.
 *
 * <ul>
 *   <li>APCER of one attack type (PAI species): the share of its attack presentations accepted as bona fide.</li>
 *   <li>BPCER: the share of bona fide presentations rejected as attacks.</li>
 *   <li>ACER: {@code (max APCER over attack types + BPCER) / 2}; the standard's worst-case APCER is used so that one
 *       weak attack type cannot hide behind easy ones.</li>
 * </ul>
 * A presentation where no face was found has score {@code NaN}: it is never accepted, so it counts as rejected
 * bona fide (against BPCER) and as a stopped attack (for APCER), and is also reported separately.
 */
final class LivenessStats {

  /** Attack type of bona fide (live) presentations. */
  static final String BONA_FIDE = "none";

  private LivenessStats() {
  }

  /**
   * One scored presentation.
   *
   * @param attackType {@link #BONA_FIDE} for a live face, else the attack type (e.g. {@code print})
   * @param score      live score in [0, 1], or {@code NaN} when no face was found
   */
  record Sample(String attackType, double score) {
    boolean bonaFide() {
      return attackType.equals(BONA_FIDE);
    }

    boolean accepted(double threshold) {
      return !Double.isNaN(score) && score >= threshold;
    }
  }

  /** Errors out of a number of presentations. */
  record Rate(int errors, int total) {
    double value() {
      return total == 0 ? Double.NaN : (double) errors / total;
    }
  }

  /**
   * Error rates at one threshold.
   *
   * @param apcerByType APCER per attack type, in sorted type order
   */
  record Report(double threshold, Map<String, Rate> apcerByType, Rate bpcer) {
    /** The highest APCER of any attack type (NaN when there are no attacks). */
    double maxApcer() {
      return apcerByType.values().stream().mapToDouble(Rate::value).max().orElse(Double.NaN);
    }

    /** All attacks pooled, whatever their type. */
    Rate pooledApcer() {
      int errors = 0, total = 0;
      for (Rate r : apcerByType.values()) {
        errors += r.errors();
        total += r.total();
      }
      return new Rate(errors, total);
    }

    double acer() {
      return (maxApcer() + bpcer.value()) / 2;
    }
  }

  static Report at(List<Sample> samples, double threshold) {
    var attacks = new TreeMap<String, int[]>();
    int rejectedBonaFide = 0, bonaFide = 0;
    for (Sample s : samples) {
      if (s.bonaFide()) {
        bonaFide++;
        if (!s.accepted(threshold)) rejectedBonaFide++;
      } else {
        int[] counts = attacks.computeIfAbsent(s.attackType(), t -> new int[2]);
        counts[1]++;
        if (s.accepted(threshold)) counts[0]++;
      }
    }
    var apcer = new LinkedHashMap<String, Rate>();
    attacks.forEach((type, counts) -> apcer.put(type, new Rate(counts[0], counts[1])));
    return new Report(threshold, Collections.unmodifiableMap(apcer), new Rate(rejectedBonaFide, bonaFide));
  }

  /**
   * The highest threshold whose BPCER is at most {@code maxBpcer}: the {@code floor(maxBpcer * n)}-th lowest bona
   * fide score (0-based), so that at most that many bona fide presentations fall below it. Bona fide presentations
   * without a face are always rejected; when they alone exceed the budget, the lowest face score is returned (0 when
   * there is none) and the report shows the BPCER that could not be met.
   */
  static double thresholdForBpcer(List<Sample> samples, double maxBpcer) {
    if (!(maxBpcer >= 0 && maxBpcer < 1)) {
      throw new IllegalArgumentException("maxBpcer must be in [0, 1), was " + maxBpcer);
    }
    double[] scores = samples.stream().filter(Sample::bonaFide).mapToDouble(Sample::score).toArray();
    if (scores.length == 0) {
      throw new IllegalArgumentException("no bona fide presentations");
    }
    int allowed = (int) Math.floor(maxBpcer * scores.length + 1e-9);
    double[] withFace = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).sorted().toArray();
    int noFace = scores.length - withFace.length;
    int index = allowed - noFace;
    if (withFace.length == 0) return 0;
    return withFace[Math.max(0, Math.min(index, withFace.length - 1))];
  }
}
