package sightline.vision.eval;

import java.util.ArrayList;
import java.util.List;
import sightline.vision.classify.Classification;
import sightline.vision.classify.Classifications;
import sightline.vision.classify.RejectRule;

/**
 * Top-1, top-5, per-class accuracy and the confusion matrix of a classifier over labelled pictures, and how its
 * reject rule treats them. Not thread-safe: one per evaluation.
 */
final class ClassificationStats {

  /** One class's figures; accuracies are NaN for a class without pictures. */
  record PerClass(String label, int images, double top1, double top5, double answeredCorrectly, double rejected) {
  }

  private final List<String> labels;
  private final RejectRule rule;
  private final int[][] confusion;
  private final int[] images;
  private final int[] top1;
  private final int[] top5;
  private final int[] answered;
  private final int[] rejected;

  ClassificationStats(List<String> labels, RejectRule rule) {
    this.labels = List.copyOf(labels);
    this.rule = rule;
    int n = labels.size();
    confusion = new int[n][n];
    images = new int[n];
    top1 = new int[n];
    top5 = new int[n];
    answered = new int[n];
    rejected = new int[n];
  }

  /** Counts one picture of class {@code truth} (an index into the labels) classified as {@code result}. */
  void add(int truth, Classifications result) {
    List<Classification> ranked = result.ranked();
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("a classification result has at least one class");
    }
    images[truth]++;
    confusion[truth][ranked.getFirst().index()]++;
    for (int k = 0; k < Math.min(5, ranked.size()); k++) {
      if (ranked.get(k).index() == truth) {
        top5[truth]++;
        if (k == 0) {
          top1[truth]++;
        }
      }
    }
    if (!rule.accepts(result)) {
      rejected[truth]++;
    } else if (ranked.getFirst().index() == truth) {
      answered[truth]++;
    }
  }

  int images() {
    return sum(images);
  }

  double top1() {
    return (double) sum(top1) / images();
  }

  double top5() {
    return (double) sum(top5) / images();
  }

  /** Share of pictures of the given classes whose best class is right and passes the reject rule. */
  double answeredCorrectly(List<Integer> classes) {
    return share(answered, classes);
  }

  /** Share of pictures of the given classes that the reject rule turns away ("not a leaf / not sure"). */
  double rejected(List<Integer> classes) {
    return share(rejected, classes);
  }

  List<PerClass> perClass() {
    var out = new ArrayList<PerClass>();
    for (int i = 0; i < labels.size(); i++) {
      out.add(new PerClass(labels.get(i), images[i], (double) top1[i] / images[i], (double) top5[i] / images[i],
          (double) answered[i] / images[i], (double) rejected[i] / images[i]));
    }
    return out;
  }

  /** Rows are the true class, columns the best class, both in label order. */
  int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  private double share(int[] counts, List<Integer> classes) {
    int hit = 0;
    int total = 0;
    for (int c : classes) {
      hit += counts[c];
      total += images[c];
    }
    return (double) hit / total;
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }
}
