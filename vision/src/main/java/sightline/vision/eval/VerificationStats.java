package sightline.vision.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Face-verification figures from scored pairs: LFW 10-fold accuracy, TAR at a FAR, EER. A pair whose score is
 * {@code NaN} (a face was not found) is wrong in the accuracy, whatever the threshold: nobody was recognised. In the
 * operating figures (TAR at a FAR, EER, the ROC curve) it is rejected at every threshold, as the running system
 * rejects a picture without a face: a genuine one is a false reject, an impostor one a true reject. Pure functions,
 * package-private.
 */
final class VerificationStats {

  /** One scored pair. {@code score} is NaN when either image had no usable face. */
  record Pair(double score, boolean same, int fold) {
  }

  /** Mean and sample standard deviation of the per-fold accuracies, and the thresholds chosen on the other folds. */
  record FoldedAccuracy(double mean, double std, double[] perFold, double[] thresholds) {
  }

  /** A point of the operating curve. */
  record Operating(double threshold, double tar, double far) {
  }

  private VerificationStats() {
  }

  /** Accept when {@code score > threshold}; failed pairs are wrong. */
  static boolean correct(Pair pair, double threshold) {
    if (Double.isNaN(pair.score())) return false;
    return (pair.score() > threshold) == pair.same();
  }

  static double accuracy(List<Pair> pairs, double threshold) {
    if (pairs.isEmpty()) return Double.NaN;
    int right = 0;
    for (Pair p : pairs) if (correct(p, threshold)) right++;
    return right / (double) pairs.size();
  }

  /** The threshold (midway between neighbouring scores) with the best accuracy on {@code pairs}. */
  static double bestThreshold(List<Pair> pairs) {
    double[] scores = pairs.stream().mapToDouble(Pair::score).filter(s -> !Double.isNaN(s)).sorted().toArray();
    if (scores.length == 0) return 0;
    // Sweep the candidates in order: accepting everything above t, count errors incrementally.
    Pair[] sorted = pairs.stream().filter(p -> !Double.isNaN(p.score()))
        .sorted((a, b) -> Double.compare(a.score(), b.score())).toArray(Pair[]::new);
    int genuine = 0;
    for (Pair p : sorted) if (p.same()) genuine++;
    // threshold below everything: all accepted, errors = impostors
    int errors = sorted.length - genuine;
    int bestErrors = errors;
    double best = sorted[0].score() - 1e-6;
    for (int i = 0; i < sorted.length; i++) {
      errors += sorted[i].same() ? 1 : -1; // sorted[i] now rejected
      boolean tie = i + 1 < sorted.length && sorted[i + 1].score() == sorted[i].score();
      if (!tie && errors < bestErrors) {
        bestErrors = errors;
        best = i + 1 < sorted.length ? (sorted[i].score() + sorted[i + 1].score()) / 2 : sorted[i].score() + 1e-6;
      }
    }
    return best;
  }

  /** LFW protocol: for each fold, the threshold is chosen on the other folds and tested on this one. */
  static FoldedAccuracy tenFold(List<Pair> pairs) {
    int[] folds = pairs.stream().mapToInt(Pair::fold).distinct().sorted().toArray();
    double[] acc = new double[folds.length];
    double[] thresholds = new double[folds.length];
    for (int k = 0; k < folds.length; k++) {
      int fold = folds[k];
      var train = new ArrayList<Pair>();
      var test = new ArrayList<Pair>();
      for (Pair p : pairs) (p.fold() == fold ? test : train).add(p);
      thresholds[k] = bestThreshold(train.isEmpty() ? test : train);
      acc[k] = accuracy(test, thresholds[k]);
    }
    double mean = Arrays.stream(acc).average().orElse(Double.NaN);
    double var = 0;
    for (double a : acc) var += (a - mean) * (a - mean);
    double std = acc.length > 1 ? Math.sqrt(var / (acc.length - 1)) : 0;
    return new FoldedAccuracy(mean, std, acc, thresholds);
  }

  /**
   * The lowest threshold whose false-accept rate is at most {@code far}, and the true-accept rate there. Impostor
   * pairs without a face are rejected at every threshold, so they count in the denominator only.
   */
  static Operating atFar(List<Pair> pairs, double far) {
    double[] impostor = pairs.stream().filter(p -> !p.same() && !Double.isNaN(p.score()))
        .mapToDouble(Pair::score).sorted().toArray();
    long impostors = pairs.stream().filter(p -> !p.same()).count();
    if (impostors == 0) {
      return new Operating(Double.POSITIVE_INFINITY, 0, 0);
    }
    long allowed = (long) Math.floor(far * impostors + 1e-9);
    // Accept score > t: with t = the (allowed+1)-th highest impostor score, at most `allowed` impostors pass.
    double threshold = allowed >= impostor.length ? Double.NEGATIVE_INFINITY : impostor[impostor.length - 1 - (int) allowed];
    return operating(pairs, threshold);
  }

  static Operating operating(List<Pair> pairs, double threshold) {
    long genuine = 0, accepted = 0, impostors = 0, falseAccepts = 0;
    for (Pair p : pairs) {
      boolean accept = !Double.isNaN(p.score()) && p.score() > threshold;
      if (p.same()) {
        genuine++;
        if (accept) accepted++;
      } else {
        impostors++;
        if (accept) falseAccepts++;
      }
    }
    return new Operating(threshold, genuine == 0 ? 0 : accepted / (double) genuine,
        impostors == 0 ? 0 : falseAccepts / (double) impostors);
  }

  /** Equal error rate: where the false-reject and false-accept rates cross (mean of the two at the closest point). */
  static double equalErrorRate(List<Pair> pairs) {
    double[] thresholds = pairs.stream().mapToDouble(Pair::score).filter(s -> !Double.isNaN(s)).sorted().toArray();
    double best = 1, bestGap = Double.POSITIVE_INFINITY;
    for (double t : thresholds) {
      Operating o = operating(pairs, t);
      double frr = 1 - o.tar();
      double gap = Math.abs(frr - o.far());
      if (gap < bestGap) {
        bestGap = gap;
        best = (frr + o.far()) / 2;
      }
    }
    return best;
  }

  /** The ROC curve: one point per distinct score, from strict to lenient. */
  static List<Operating> roc(List<Pair> pairs) {
    double[] thresholds = pairs.stream().mapToDouble(Pair::score).filter(s -> !Double.isNaN(s)).distinct()
        .sorted().toArray();
    var curve = new ArrayList<Operating>();
    for (int i = thresholds.length - 1; i >= 0; i--) curve.add(operating(pairs, thresholds[i]));
    return curve;
  }
}
