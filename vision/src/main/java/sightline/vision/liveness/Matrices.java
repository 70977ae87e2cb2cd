package sightline.vision.liveness;

/** The little dense linear algebra the landmark fits need. Pure functions, package-private. */
final class Matrices {

  private Matrices() {
  }

  /**
   * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (exact to rounding for the sizes used here,
   * up to 68x68).
   *
   * @return eigenvalues in ascending order in {@code values}, and the matching unit eigenvectors as the columns of
   *         {@code vectors}
   */
  static Eigen symmetricEigen(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = matrix[i].clone();
    double[][] v = identity(n);
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
      if (off < 1e-30) break;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (Math.abs(a[p][q]) < 1e-300) continue;
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) t = 1;
          double c = 1 / Math.sqrt(t * t + 1), s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    java.util.Arrays.sort(order, (x, y) -> Double.compare(a[x][x], a[y][y]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int j = 0; j < n; j++) {
      values[j] = a[order[j]][order[j]];
      for (int i = 0; i < n; i++) vectors[i][j] = v[i][order[j]];
    }
    return new Eigen(values, vectors);
  }

  /** Eigenvalues ascending and eigenvectors as columns. */
  record Eigen(double[] values, double[][] vectors) {
    double[] vector(int column) {
      double[] out = new double[vectors.length];
      for (int i = 0; i < out.length; i++) out[i] = vectors[i][column];
      return out;
    }
  }

  /**
   * Solves {@code a x = b} by Gaussian elimination with partial pivoting.
   *
   * @throws IllegalArgumentException when {@code a} is singular
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
      if (Math.abs(m[pivot][col]) < 1e-12) throw new IllegalArgumentException("singular system");
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) s -= m[r][c] * x[c];
      x[r] = s / m[r][r];
    }
    return x;
  }

  static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) m[i][i] = 1;
    return m;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        double aik = a[i][k];
        for (int j = 0; j < b[0].length; j++) c[i][j] += aik * b[k][j];
      }
    }
    return c;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
    return t;
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  /** The rotation by the angle {@code |w|} about the axis {@code w} (Rodrigues). */
  static double[][] rotation(double[] w) {
    double theta = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
    if (theta < 1e-15) return identity(3);
    double x = w[0] / theta, y = w[1] / theta, z = w[2] / theta;
    double c = Math.cos(theta), s = Math.sin(theta), t = 1 - c;
    return new double[][] {
        {c + x * x * t, x * y * t - z * s, x * z * t + y * s},
        {y * x * t + z * s, c + y * y * t, y * z * t - x * s},
        {z * x * t - y * s, z * y * t + x * s, c + z * z * t}};
  }

  /** The angle of a rotation matrix, in degrees. */
  static double angleDegrees(double[][] r) {
    double trace = r[0][0] + r[1][1] + r[2][2];
    return Math.toDegrees(Math.acos(Math.clamp((trace - 1) / 2, -1, 1)));
  }
}
