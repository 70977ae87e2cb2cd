package sightline.vision.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the passive fusion: a logistic regression of "live" on the three models' log-odds, by Newton's method with a
 * small ridge penalty on the weights (not the intercept). Every source weighs the same however many frames it has,
 * and the live and attack sides weigh the same, so that 900 frames of one webcam clip cannot outvote 15 printed
 * photos. Pure, package-private.
 */
final class FusionFit {

  /** One training frame: its source, whether it is live, and the three log-odds (fr_liveness, V2, V1SE). */
  record Example(String source, boolean live, double[] logOdds) {
  }

  /** Intercept and the three weights. */
  record Coefficients(double bias, double frLiveness, double miniFasNetV2, double miniFasNetV1se) {
  }

  private static final double RIDGE = 1e-2;

  private FusionFit() {
  }

  static Coefficients fit(List<Example> examples) {
    Map<String, Integer> perSource = new HashMap<>();
    for (Example e : examples) perSource.merge(e.source(), 1, Integer::sum);
    double liveTotal = 0, attackTotal = 0;
    for (Example e : examples) {
      if (e.live()) liveTotal += 1.0 / perSource.get(e.source());
      else attackTotal += 1.0 / perSource.get(e.source());
    }
    if (liveTotal == 0 || attackTotal == 0) throw new IllegalArgumentException("need live and attack examples");
    double[] w = new double[examples.size()];
    for (int i = 0; i < w.length; i++) {
      Example e = examples.get(i);
      w[i] = 1.0 / perSource.get(e.source()) / (e.live() ? liveTotal : attackTotal);
    }
    double[] beta = new double[4];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[4];
      double[][] hessian = new double[4][4];
      for (int i = 0; i < w.length; i++) {
        double[] x = features(examples.get(i));
        double z = 0;
        for (int k = 0; k < 4; k++) z += beta[k] * x[k];
        double p = 1 / (1 + Math.exp(-z));
        double y = examples.get(i).live() ? 1 : 0;
        for (int a = 0; a < 4; a++) {
          gradient[a] += w[i] * (p - y) * x[a];
          for (int b = 0; b < 4; b++) hessian[a][b] += w[i] * p * (1 - p) * x[a] * x[b];
        }
      }
      for (int k = 1; k < 4; k++) {
        gradient[k] += RIDGE * beta[k];
        hessian[k][k] += RIDGE;
      }
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int k = 0; k < 4; k++) {
        beta[k] -= step[k];
        change += Math.abs(step[k]);
      }
      if (change < 1e-10) break;
    }
    return new Coefficients(beta[0], beta[1], beta[2], beta[3]);
  }

  private static double[] features(Example e) {
    return new double[] {1, e.logOdds()[0], e.logOdds()[1], e.logOdds()[2]};
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
      x[r] = s / m[r][r];
    }
    return x;
  }
}
