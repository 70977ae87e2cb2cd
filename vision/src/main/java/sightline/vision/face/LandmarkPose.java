package sightline.vision.face;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Head pose from the 68 landmarks: yaw and pitch are linear functions of the roll-free normalised shape
 * ({@link LandmarkGeometry#features}), roll is the eye line's angle. The coefficients in the resource
 * {@code landmark-pose.txt} come from geometry, not from face photos: ridge regression on synthetic views of the
 * library's mean 3-D face (its proportions varied, turned and seen by a pinhole camera), then one gain per angle and
 * a pitch offset so that the answers follow {@code fr_pose}'s convention on Intel's head-pose sample videos
 * ({@link LandmarkPoseFit}, {@code ./sightline eval pose-fit}). So this answers like {@code fr_pose} for the cost of
 * one dot product, and a tilted head cannot leak into yaw or pitch: the shape it reads has no roll left in it.
 * Immutable; package-private.
 *
 * @param yaw   coefficients for yaw in degrees, {@link LandmarkGeometry#FEATURES} values
 * @param pitch coefficients for pitch in degrees, {@link LandmarkGeometry#FEATURES} values
 */
record LandmarkPose(double[] yaw, double[] pitch) {

  static final String RESOURCE = "landmark-pose.txt";

  LandmarkPose {
    if (yaw.length != LandmarkGeometry.FEATURES || pitch.length != LandmarkGeometry.FEATURES) {
      throw new IllegalArgumentException("expected " + LandmarkGeometry.FEATURES + " coefficients per angle");
    }
    yaw = yaw.clone();
    pitch = pitch.clone();
  }

  private static final class Bundled {
    static final LandmarkPose INSTANCE = load();

    private static LandmarkPose load() {
      try (InputStream in = LandmarkPose.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the vision jar");
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /** The coefficients shipped with the library. */
  static LandmarkPose bundled() {
    return Bundled.INSTANCE;
  }

  HeadPose estimate(FaceLandmarks landmarks) {
    double[] f = LandmarkGeometry.features(landmarks);
    return new HeadPose(dot(yaw, f), dot(pitch, f), LandmarkGeometry.rollDegrees(landmarks));
  }

  /** The dot product of coefficients and features, which is all a pose answer costs. */
  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  /**
   * Ridge regression of yaw and pitch on the features, each face also added mirrored (features mirrored, yaw
   * negated, pitch kept). Minimises {@code sum (f.w - t)^2 + lambda |w|^2} by solving the normal equations.
   *
   * @param features {@link LandmarkGeometry#features} of each face
   * @param targets  {@code {yaw, pitch}} in degrees of each face
   */
  static LandmarkPose fit(List<double[]> features, List<double[]> targets, double lambda) {
    if (features.size() != targets.size() || features.isEmpty()) {
      throw new IllegalArgumentException("need as many targets as feature rows, at least one");
    }
    int n = LandmarkGeometry.FEATURES;
    double[][] gram = new double[n][n];
    double[] yawSums = new double[n], pitchSums = new double[n];
    for (int k = 0; k < features.size(); k++) {
      double[] t = targets.get(k);
      accumulate(gram, yawSums, pitchSums, features.get(k), t[0], t[1]);
      accumulate(gram, yawSums, pitchSums, LandmarkGeometry.mirror(features.get(k)), -t[0], t[1]);
    }
    for (int i = 0; i < n; i++) gram[i][i] += lambda;
    double[][] cholesky = cholesky(gram);
    return new LandmarkPose(solve(cholesky, yawSums), solve(cholesky, pitchSums));
  }

  private static void accumulate(double[][] gram, double[] yawSums, double[] pitchSums, double[] f, double yaw,
      double pitch) {
    for (int i = 0; i < f.length; i++) {
      for (int j = 0; j <= i; j++) gram[i][j] += f[i] * f[j];
      yawSums[i] += f[i] * yaw;
      pitchSums[i] += f[i] * pitch;
    }
  }

  /** Lower-triangular L with L L^T = the symmetric positive-definite matrix whose lower triangle is given. */
  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
        if (i == j) {
          if (!(sum > 0)) throw new IllegalArgumentException("the normal equations are not positive definite");
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) sum -= l[i][k] * y[k];
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
      x[i] = sum / l[i][i];
    }
    return x;
  }

  /** The resource format: {@code #} comment lines, then one line {@code yaw c0 c1 ...} and one {@code pitch ...}. */
  String text(List<String> comments) {
    var sb = new StringBuilder();
    comments.forEach(c -> sb.append("# ").append(c).append('\n'));
    sb.append("yaw");
    for (double v : yaw) sb.append(' ').append(String.format(Locale.ROOT, "%.9g", v));
    sb.append("\npitch");
    for (double v : pitch) sb.append(' ').append(String.format(Locale.ROOT, "%.9g", v));
    return sb.append('\n').toString();
  }

  static LandmarkPose parse(List<String> lines) {
    double[] yaw = null, pitch = null;
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) continue;
      String[] f = s.split("\\s+");
      double[] values = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
      switch (f[0]) {
        case "yaw" -> yaw = values;
        case "pitch" -> pitch = values;
        default -> throw new IllegalArgumentException("unknown line in " + RESOURCE + ": " + f[0]);
      }
    }
    if (yaw == null || pitch == null) throw new IllegalArgumentException(RESOURCE + " needs a yaw and a pitch line");
    return new LandmarkPose(yaw, pitch);
  }
}
