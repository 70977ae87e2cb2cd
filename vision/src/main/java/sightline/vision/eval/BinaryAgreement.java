package sightline.vision.eval;

/**
 * A confusion matrix for one yes/no question (for example "are the eyes closed?") against labels, with the usual
 * figures. Immutable; {@link #plus} adds one observation. Rates are NaN when their denominator is 0.
 *
 * @param truePositives  labelled yes, predicted yes
 * @param falsePositives labelled no, predicted yes
 * @param falseNegatives labelled yes, predicted no
 * @param trueNegatives  labelled no, predicted no
 */
record BinaryAgreement(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

  static final BinaryAgreement EMPTY = new BinaryAgreement(0, 0, 0, 0);

  BinaryAgreement plus(boolean labelled, boolean predicted) {
    return new BinaryAgreement(truePositives + (labelled && predicted ? 1 : 0),
        falsePositives + (!labelled && predicted ? 1 : 0),
        falseNegatives + (labelled && !predicted ? 1 : 0),
        trueNegatives + (!labelled && !predicted ? 1 : 0));
  }

  BinaryAgreement plus(BinaryAgreement other) {
    return new BinaryAgreement(truePositives + other.truePositives, falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
  }

  int total() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  int labelledYes() {
    return truePositives + falseNegatives;
  }

  /** Share of observations where prediction and label agree. */
  double accuracy() {
    return ratio(truePositives + trueNegatives, total());
  }

  double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** Share of labelled-yes observations predicted yes (sensitivity). */
  double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** Share of labelled-no observations predicted no. */
  double specificity() {
    return ratio(trueNegatives, trueNegatives + falsePositives);
  }

  /** Harmonic mean of precision and recall; 0 when there is no true positive but something to find or flag. */
  double f1() {
    int denominator = 2 * truePositives + falsePositives + falseNegatives;
    return ratio(2 * truePositives, denominator);
  }

  /** Accuracy of always answering the majority label: the figure accuracy has to beat to mean anything. */
  double majorityAccuracy() {
    return ratio(Math.max(labelledYes(), total() - labelledYes()), total());
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
