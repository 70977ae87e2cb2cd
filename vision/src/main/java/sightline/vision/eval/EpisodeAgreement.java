package sightline.vision.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement over episodes rather than frames: an episode is a maximal run of consecutive "yes" frames (for example
 * eyes closed). A labelled episode counts as found when a predicted episode overlaps it or ends at most
 * {@code tolerance} frames away (labels and detectors often disagree by a frame at the edges of a blink, and some
 * clips show every picture twice); a predicted episode counts as right when a labelled one is that close. Immutable;
 * rates are NaN when their denominator is 0.
 *
 * @param labelled  labelled episodes
 * @param found     labelled episodes overlapped by a prediction
 * @param predicted predicted episodes
 * @param right     predicted episodes overlapping a labelled one
 */
record EpisodeAgreement(int labelled, int found, int predicted, int right) {

  static final EpisodeAgreement EMPTY = new EpisodeAgreement(0, 0, 0, 0);

  /** One episode: first and last frame index, inclusive. */
  record Run(int first, int last) {

    /** Whether the runs share a frame or lie at most {@code tolerance} frames apart. */
    boolean overlaps(Run other, int tolerance) {
      return first - tolerance <= other.last && other.first - tolerance <= last;
    }

    int frames() {
      return last - first + 1;
    }
  }

  /** The maximal runs of {@code true} in {@code series}. */
  static List<Run> runs(boolean[] series) {
    var runs = new ArrayList<Run>();
    int start = -1;
    for (int i = 0; i < series.length; i++) {
      if (series[i] && start < 0) start = i;
      if (!series[i] && start >= 0) {
        runs.add(new Run(start, i - 1));
        start = -1;
      }
    }
    if (start >= 0) runs.add(new Run(start, series.length - 1));
    return List.copyOf(runs);
  }

  static EpisodeAgreement of(List<Run> labelled, List<Run> predicted, int tolerance) {
    int found = 0, right = 0;
    for (Run l : labelled) {
      if (predicted.stream().anyMatch(p -> p.overlaps(l, tolerance))) found++;
    }
    for (Run p : predicted) {
      if (labelled.stream().anyMatch(l -> l.overlaps(p, tolerance))) right++;
    }
    return new EpisodeAgreement(labelled.size(), found, predicted.size(), right);
  }

  EpisodeAgreement plus(EpisodeAgreement other) {
    return new EpisodeAgreement(labelled + other.labelled, found + other.found, predicted + other.predicted,
        right + other.right);
  }

  double precision() {
    return predicted == 0 ? Double.NaN : (double) right / predicted;
  }

  double recall() {
    return labelled == 0 ? Double.NaN : (double) found / labelled;
  }

  /** Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
  double f1() {
    double p = precision(), r = recall();
    if (Double.isNaN(p) || Double.isNaN(r)) return Double.NaN;
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
