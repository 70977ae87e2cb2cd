package sightline.vision.liveness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sightline.vision.Point;
import sightline.vision.face.FaceLandmarks;

/**
 * A mean 3-D face: the 68 iBUG landmarks as points in a head frame (x to the image's right, y down, z towards the
 * camera), in units of the distance between the outer eye corners (points 36 and 45), centred and left–right
 * symmetric. Immutable and thread-safe.
 *
 * <p>The shipped shape ({@link #standard()}) was derived by Sightline itself, not copied, from material it may
 * ship: {@code fr_landmark}'s 68 points on the 141 frames of Intel's three head-pose sample videos (CC BY 4.0),
 * factorised by {@link #derive} (Tomasi–Kanade rank-3 factorisation with the orthographic metric upgrade),
 * recomputable with {@code ./sightline eval mean-face}. Those people barely turn, so the factorisation fixes the
 * shape's outline well and its depth scale poorly (it came out about half as deep as a head); the depths are
 * therefore scaled to head anthropometry ({@link #withJawDepth}). It is a mean: any one person differs, which is
 * why the motion cue takes the person's own x and y from their reference frame and only the depths from here.
 */
public final class MeanFace {

  private static final String RESOURCE = "/sightline/vision/liveness/mean-face-68.txt";
  private static final int POINTS = 68;
  /** Mirror image of each landmark index (iBUG 68). */
  static final int[] MIRROR = {
      16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
      26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
      27, 28, 29, 30,
      35, 34, 33, 32, 31,
      45, 44, 43, 42, 47, 46,
      39, 38, 37, 36, 41, 40,
      54, 53, 52, 51, 50, 49, 48,
      59, 58, 57, 56, 55,
      64, 63, 62, 61, 60,
      67, 66, 65};

  private final double[][] points;

  private MeanFace(double[][] points) {
    this.points = points;
  }

  /** The shape shipped with this library (see the class comment). */
  public static MeanFace standard() {
    return Standard.SHAPE;
  }

  /** Loaded on first use, so that {@link #derive} works without the resource. */
  private static final class Standard {
    static final MeanFace SHAPE = load();
  }

  /** A copy of the 68 points, each {@code {x, y, z}}. */
  public double[][] points() {
    double[][] copy = new double[POINTS][];
    for (int i = 0; i < POINTS; i++) copy[i] = points[i].clone();
    return copy;
  }

  /**
   * Derives a mean 3-D face from 2-D landmark sets of many faces in varied poses: the centred landmarks stacked into
   * a {@code 2N x 68} matrix, its best rank-3 approximation (structure times motion), the metric upgrade that makes
   * every face's two camera rows orthogonal and of equal length, then aligned with the mean 2-D face (x right,
   * y down), the nose tip towards the camera, scaled to unit outer-eye-corner distance and made symmetric.
   *
   * @throws IllegalArgumentException with fewer than 10 faces
   */
  public static MeanFace derive(List<FaceLandmarks> faces) {
    int n = faces.size();
    if (n < 10) throw new IllegalArgumentException("need at least 10 faces, got " + n);
    double[][] w = new double[2 * n][POINTS];
    double[] meanShape = new double[2 * POINTS];
    for (int f = 0; f < n; f++) {
      List<Point> p = faces.get(f).points();
      double cx = p.stream().mapToDouble(Point::x).average().orElseThrow();
      double cy = p.stream().mapToDouble(Point::y).average().orElseThrow();
      double size = 0;
      for (int i = 0; i < POINTS; i++) {
        w[f][i] = p.get(i).x() - cx;
        w[n + f][i] = p.get(i).y() - cy;
        size += w[f][i] * w[f][i] + w[n + f][i] * w[n + f][i];
      }
      size = Math.sqrt(size / POINTS);
      for (int i = 0; i < POINTS; i++) {
        meanShape[2 * i] += w[f][i] / size / n;
        meanShape[2 * i + 1] += w[n + f][i] / size / n;
      }
    }
    // Rank 3 from the 68x68 Gram matrix: W ≈ M S with S = sqrt(Λ) Vᵀ and M = W V / sqrt(Λ).
    double[][] gram = new double[POINTS][POINTS];
    for (double[] row : w) {
      for (int i = 0; i < POINTS; i++) for (int j = i; j < POINTS; j++) gram[i][j] += row[i] * row[j];
    }
    for (int i = 0; i < POINTS; i++) for (int j = 0; j < i; j++) gram[i][j] = gram[j][i];
    Matrices.Eigen eigen = Matrices.symmetricEigen(gram);
    double[][] v = new double[POINTS][3];
    double[] root = new double[3];
    for (int k = 0; k < 3; k++) {
      root[k] = Math.sqrt(eigen.values()[POINTS - 1 - k]);
      for (int i = 0; i < POINTS; i++) v[i][k] = eigen.vectors()[i][POINTS - 1 - k];
    }
    double[][] motion = new double[2 * n][3];
    for (int r = 0; r < 2 * n; r++) {
      for (int k = 0; k < 3; k++) {
        double s = 0;
        for (int i = 0; i < POINTS; i++) s += w[r][i] * v[i][k];
        motion[r][k] = s / root[k];
      }
    }
    // Metric upgrade: L = Q Qᵀ (symmetric, 6 unknowns) with mx·L·mx = my·L·my, mx·L·my = 0, mean mx·L·mx = 1.
    double[][] normal = new double[6][6];
    double[] rhs = new double[6];
    double[] meanRow = new double[6];
    for (int f = 0; f < n; f++) {
      double[] a = quadratic(motion[f], motion[f]), b = quadratic(motion[n + f], motion[n + f]);
      double[] equal = new double[6];
      for (int k = 0; k < 6; k++) {
        equal[k] = a[k] - b[k];
        meanRow[k] += a[k];
      }
      addRow(normal, rhs, equal, 0);
      addRow(normal, rhs, quadratic(motion[f], motion[n + f]), 0);
    }
    addRow(normal, rhs, meanRow, n);
    double[] l = Matrices.solve(normal, rhs);
    double[][] big = {{l[0], l[1], l[2]}, {l[1], l[3], l[4]}, {l[2], l[4], l[5]}};
    Matrices.Eigen le = Matrices.symmetricEigen(big);
    double[][] q = new double[3][3];
    for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) q[i][k] = le.vectors()[i][k] * Math.sqrt(Math.max(le.values()[k], 1e-12));
    double[][] structure = new double[3][POINTS];   // Q⁻¹ S
    for (int i = 0; i < POINTS; i++) {
      double[] column = {root[0] * v[i][0], root[1] * v[i][1], root[2] * v[i][2]};
      double[] x = Matrices.solve(q, column);
      for (int k = 0; k < 3; k++) structure[k][i] = x[k];
    }
    double[][] shape = new double[POINTS][3];
    for (int i = 0; i < POINTS; i++) for (int k = 0; k < 3; k++) shape[i][k] = structure[k][i];
    return new MeanFace(canonical(shape, meanShape));
  }

  /** Rotated onto the mean 2-D face, nose forward, unit outer-eye-corner distance, centred, symmetric. */
  private static double[][] canonical(double[][] shape, double[] meanShape) {
    double[][] target = new double[POINTS][2];
    for (int i = 0; i < POINTS; i++) {
      target[i][0] = meanShape[2 * i];
      target[i][1] = meanShape[2 * i + 1];
    }
    double[][] centred = new double[POINTS][3];
    double[] c = LandmarkFits.centroid(shape, 0, POINTS);
    for (int i = 0; i < POINTS; i++) for (int k = 0; k < 3; k++) centred[i][k] = shape[i][k] - c[k];
    double[][] sts = new double[3][3];
    double[][] tts = new double[2][3];
    for (int i = 0; i < POINTS; i++) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) sts[a][b] += centred[i][a] * centred[i][b];
        tts[0][a] += target[i][0] * centred[i][a];
        tts[1][a] += target[i][1] * centred[i][a];
      }
    }
    double[][] p = {Matrices.solve(sts, tts[0]), Matrices.solve(sts, tts[1])};
    Matrices.Eigen e = Matrices.symmetricEigen(Matrices.multiply(p, Matrices.transpose(p)));
    double[][] r2 = new double[2][3];
    for (int k = 0; k < 2; k++) {
      double sigma = Math.sqrt(Math.max(e.values()[k], 1e-24));
      double[] u = e.vector(k);
      for (int j = 0; j < 3; j++) {
        double vj = (u[0] * p[0][j] + u[1] * p[1][j]) / sigma;
        for (int r = 0; r < 2; r++) r2[r][j] += u[r] * vj;
      }
    }
    double[][] rotation = {r2[0], r2[1], Matrices.cross(r2[0], r2[1])};
    double[][] out = new double[POINTS][3];
    for (int i = 0; i < POINTS; i++) {
      for (int k = 0; k < 3; k++) {
        out[i][k] = rotation[k][0] * centred[i][0] + rotation[k][1] * centred[i][1] + rotation[k][2] * centred[i][2];
      }
    }
    boolean noseForward = out[30][2] > (out[36][2] + out[45][2]) / 2;
    if (!noseForward) for (double[] point : out) point[2] = -point[2];
    double[][] symmetric = new double[POINTS][3];
    for (int i = 0; i < POINTS; i++) {
      int m = MIRROR[i];
      symmetric[i][0] = (out[i][0] - out[m][0]) / 2;
      symmetric[i][1] = (out[i][1] + out[m][1]) / 2;
      symmetric[i][2] = (out[i][2] + out[m][2]) / 2;
    }
    double[] centre = LandmarkFits.centroid(symmetric, 0, POINTS);
    double eyes = symmetric[45][0] - symmetric[36][0];   // measured once symmetric, so that it comes out exactly 1
    for (double[] point : symmetric) for (int k = 0; k < 3; k++) point[k] = (point[k] - centre[k]) / eyes;
    return symmetric;
  }

  /**
   * This face with its depths scaled so that the top of the jaw line (points 0 and 16, beside the ears) lies
   * {@code depth} outer-eye-corner distances behind the outer eye corners. A factorisation fixes depth only as well
   * as its faces' turns allow: from a few short clips of people who barely turn, it comes out too shallow, so the
   * shipped face takes its depth scale from head anthropometry instead (see {@link #ANTHROPOMETRIC_JAW_DEPTH}).
   */
  public MeanFace withJawDepth(double depth) {
    double current = (points[36][2] + points[45][2]) / 2 - (points[0][2] + points[16][2]) / 2;
    if (!(current > 0) || !(depth > 0)) throw new IllegalArgumentException("the jaw must lie behind the eye corners");
    double[][] scaled = points();
    for (double[] point : scaled) point[2] *= depth / current;
    double z = LandmarkFits.centroid(scaled, 0, POINTS)[2];
    for (double[] point : scaled) point[2] -= z;
    return new MeanFace(scaled);
  }

  /**
   * Adult head anthropometry: the outer eye corners are about 9 cm apart and the tragus (where the jaw line's top
   * landmarks sit) about 7 cm behind them, so 0.8 eye-corner distances.
   */
  public static final double ANTHROPOMETRIC_JAW_DEPTH = 0.8;

  /** Coefficients of {@code aᵀ L b} in the unknowns l00, l01, l02, l11, l12, l22 of a symmetric L. */
  private static double[] quadratic(double[] a, double[] b) {
    return new double[] {a[0] * b[0], a[0] * b[1] + a[1] * b[0], a[0] * b[2] + a[2] * b[0], a[1] * b[1],
        a[1] * b[2] + a[2] * b[1], a[2] * b[2]};
  }

  private static void addRow(double[][] normal, double[] rhs, double[] row, double value) {
    for (int a = 0; a < 6; a++) {
      rhs[a] += row[a] * value;
      for (int b = 0; b < 6; b++) normal[a][b] += row[a] * row[b];
    }
  }

  /** The shape as the resource file holds it: one {@code x y z} line per landmark, after {@code header}. */
  public String toText(String header) {
    var out = new StringBuilder(header);
    for (double[] p : points) out.append(String.format(Locale.ROOT, "%.4f %.4f %.4f%n", p[0], p[1], p[2]));
    return out.toString();
  }

  static MeanFace parse(String text) {
    var rows = new ArrayList<double[]>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      String[] cells = trimmed.split("\\s+");
      if (cells.length != 3) throw new IllegalArgumentException("expected x y z, got: " + line);
      rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
    }
    if (rows.size() != POINTS) throw new IllegalArgumentException("expected 68 points, got " + rows.size());
    return new MeanFace(rows.toArray(double[][]::new));
  }

  private static MeanFace load() {
    try (InputStream in = MeanFace.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
