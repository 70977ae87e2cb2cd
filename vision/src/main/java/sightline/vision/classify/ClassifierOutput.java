package sightline.vision.classify;

import java.util.ArrayList;
import java.util.List;

/** Post-processing: the model's output row becomes ranked {@link Classifications}. Pure functions on arrays. */
final class ClassifierOutput {

  private ClassifierOutput() {
  }

  /** Numerically stable softmax: the maximum is subtracted before exponentiating, so large logits cannot overflow. */
  static float[] softmax(float[] logits) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] e = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp((double) logits[i] - max);
      sum += e[i];
    }
    float[] p = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = (float) (e[i] / sum);
    }
    return p;
  }

  /** Ranks one output row; the caller has checked that it holds one finite value per label. */
  static Classifications rank(float[] output, ClassifierMetadata metadata) {
    float[] probabilities = switch (metadata.output()) {
      case LOGITS -> softmax(output);
      // Clamped, because a softmax computed in float can land a hair outside [0, 1].
      case PROBABILITIES -> clamp(output);
    };
    var all = new ArrayList<Classification>(probabilities.length);
    List<String> labels = metadata.labels();
    for (int i = 0; i < probabilities.length; i++) {
      all.add(new Classification(labels.get(i), i, probabilities[i]));
    }
    all.sort(Classifications.ORDER);
    return new Classifications(all);
  }

  private static float[] clamp(float[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.max(0f, Math.min(1f, values[i]));
    }
    return out;
  }
}
