package sightline.vision.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8CodeTests {

  static float[] unit(Random random, int d) {
    float[] v = new float[d];
    double sum = 0;
    for (int j = 0; j < d; j++) {
      v[j] = (float) random.nextGaussian();
      sum += v[j] * v[j];
    }
    for (int j = 0; j < d; j++) {
      v[j] /= (float) Math.sqrt(sum);
    }
    return v;
  }

  @Test
  void approximateScoresStayWithinTheBoundForEveryQuery() {
    var random = new Random(9);
    int d = 512;
    int n = 300;
    float[][] templates = new float[n][];
    byte[] block = new byte[d * n];
    float[] scales = new float[n];
    float[] bounds = new float[n];
    for (int i = 0; i < n; i++) {
      templates[i] = unit(random, d);
      Int8Code code = Int8Code.of(templates[i]);
      for (int j = 0; j < d; j++) {
        block[j * n + i] = code.codes()[j];
      }
      scales[i] = code.scale();
      bounds[i] = code.bound();
    }
    float[] scores = new float[n];
    double worstRatio = 0;
    for (int trial = 0; trial < 50; trial++) {
      // Adversarial queries too: a template itself, and the direction of its quantisation error.
      float[] q = trial < 40 ? unit(random, d) : templates[trial];
      DotProducts.scoreColumns(block, n, n, q, scores);
      for (int i = 0; i < n; i++) {
        double exact = 0;
        for (int j = 0; j < d; j++) {
          exact += (double) q[j] * templates[i][j];
        }
        double error = Math.abs(scores[i] * scales[i] - exact);
        assertThat(error).isLessThanOrEqualTo(bounds[i]);
        worstRatio = Math.max(worstRatio, error / bounds[i]);
      }
    }
    // The bound is for the worst case; on 512-d unit vectors it is about 0.008, tight enough to prune well.
    assertThat(bounds[0]).isBetween(0.001f, 0.02f);
    assertThat(worstRatio).isGreaterThan(0.01);
  }

  @Test
  void theBoundHoldsAgainstTheQuantisationErrorItself() {
    var random = new Random(10);
    int d = 512;
    float[] t = unit(random, d);
    Int8Code code = Int8Code.of(t);
    float[] error = new float[d];
    double norm = 0;
    for (int j = 0; j < d; j++) {
      error[j] = t[j] - code.scale() * code.codes()[j];
      norm += error[j] * error[j];
    }
    for (int j = 0; j < d; j++) {
      error[j] /= (float) Math.sqrt(norm);
    }
    // The worst query for Cauchy-Schwarz points along the residual: the bound must still hold.
    float[] score = new float[1];
    DotProducts.scoreColumns(code.codes(), 1, 1, error, score);
    double exact = 0;
    for (int j = 0; j < d; j++) {
      exact += (double) error[j] * t[j];
    }
    double gap = Math.abs(score[0] * code.scale() - exact);
    assertThat(gap).isLessThanOrEqualTo(code.bound()).isGreaterThan(0.5 * Math.sqrt(norm));
  }

  @Test
  void codesUseTheFullSignedRangeSymmetrically() {
    float[] t = {0.6f, -0.8f, 0f};
    Int8Code code = Int8Code.of(t);
    assertThat(code.codes()).containsExactly(95, -127, 0);
    assertThat(code.scale()).isEqualTo(0.8f / 127f);
  }
}
