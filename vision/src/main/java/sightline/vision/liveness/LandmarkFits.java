package sightline.vision.liveness;

import java.util.Arrays;

/**
 * Fits between two sets of the same landmarks (iBUG order, the 17 jaw-line points first), as {@code double[n][2]}
 * pixel arrays: the residual
 * left by a similarity (in-plane move, turn and zoom), by a homography (any plane seen by any camera) and by a rigid
 * 3-D head (weak perspective, the {@link MeanFace} depths). Every residual is the root mean square distance,
 * divided by the face's size in the second set ({@link #size}), so figures compare across distances and cameras.
 * Pure functions, package-private.
 */
final class LandmarkFits {

  /** The jaw line, points 0–16: a silhouette, whose landmarks slide along it as the head turns. */
  static final int CONTOUR = 17;
  private static final int ROBUST_ITERATIONS = 3;
  private static final int RIGID_ITERATIONS = 15;

  private LandmarkFits() {
  }

  /** Root mean square distance of the points from their centroid. */
  static double size(double[][] q) {
    double[] c = centroid(q, 0, q.length);
    double sum = 0;
    for (double[] p : q) sum += sq(p[0] - c[0]) + sq(p[1] - c[1]);
    return Math.sqrt(sum / q.length);
  }

  /** Residual after the least-squares similarity (4 parameters) taking {@code p} onto {@code q}. */
  static double similarityResidual(double[][] p, double[][] q) {
    double[] cp = centroid(p, 0, p.length), cq = centroid(q, 0, q.length);
    double pp = 0, a = 0, b = 0;
    for (int i = 0; i < p.length; i++) {
      double px = p[i][0] - cp[0], py = p[i][1] - cp[1], qx = q[i][0] - cq[0], qy = q[i][1] - cq[1];
      pp += px * px + py * py;
      a += px * qx + py * qy;
      b += px * qy - py * qx;
    }
    a /= pp;
    b /= pp;
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double px = p[i][0] - cp[0], py = p[i][1] - cp[1];
      sum += sq(q[i][0] - cq[0] - (a * px - b * py)) + sq(q[i][1] - cq[1] - (b * px + a * py));
    }
    return Math.sqrt(sum / p.length) / size(q);
  }

  /**
   * Residual after the homography taking {@code p} onto {@code q}: the direct linear transform on Hartley-normalised
   * points, refitted {@value #ROBUST_ITERATIONS} times with Huber weights so that one misplaced landmark cannot
   * hide a plane; the residual is over all points, unweighted.
   */
  static double planarResidual(double[][] p, double[][] q) {
    double[] w = new double[p.length];
    Arrays.fill(w, 1);
    double[] r = new double[p.length];
    for (int iteration = 0; ; iteration++) {
      double[][] h = homography(p, q, w);
      for (int i = 0; i < p.length; i++) {
        double[] m = apply(h, p[i]);
        r[i] = Math.hypot(m[0] - q[i][0], m[1] - q[i][1]);
      }
      if (iteration == ROBUST_ITERATIONS) break;
      double[] sorted = r.clone();
      Arrays.sort(sorted);
      double k = 1.345 * sorted[sorted.length / 2] / 0.6745 + 1e-9;
      for (int i = 0; i < w.length; i++) w[i] = r[i] <= k ? 1 : k / r[i];
    }
    double sum = 0;
    for (double v : r) sum += v * v;
    return Math.sqrt(sum / r.length) / size(q);
  }

  /** The weighted direct linear transform with Hartley normalisation: {@code q ~ H p}, {@code H[2][2] = 1}. */
  static double[][] homography(double[][] p, double[][] q, double[] weights) {
    double[][] tp = normalisation(p), tq = normalisation(q);
    double[][] ata = new double[9][9];
    for (int i = 0; i < p.length; i++) {
      double[] a = apply(tp, p[i]), b = apply(tq, q[i]);
      double x = a[0], y = a[1], u = b[0], v = b[1];
      double[] r1 = {-x, -y, -1, 0, 0, 0, u * x, u * y, u};
      double[] r2 = {0, 0, 0, -x, -y, -1, v * x, v * y, v};
      for (int j = 0; j < 9; j++) {
        for (int k = j; k < 9; k++) ata[j][k] += weights[i] * (r1[j] * r1[k] + r2[j] * r2[k]);
      }
    }
    for (int j = 0; j < 9; j++) for (int k = 0; k < j; k++) ata[j][k] = ata[k][j];
    double[] h = Matrices.symmetricEigen(ata).vector(0);
    double[][] hn = {{h[0], h[1], h[2]}, {h[3], h[4], h[5]}, {h[6], h[7], h[8]}};
    double[][] full = Matrices.multiply(Matrices.multiply(inverseNormalisation(tq), hn), tp);
    double scale = full[2][2];
    for (double[] row : full) for (int j = 0; j < 3; j++) row[j] /= scale;
    return full;
  }

  static double[] apply(double[][] h, double[] p) {
    double x = h[0][0] * p[0] + h[0][1] * p[1] + h[0][2];
    double y = h[1][0] * p[0] + h[1][1] * p[1] + h[1][2];
    double z = h[2][0] * p[0] + h[2][1] * p[1] + h[2][2];
    return new double[] {x / z, y / z};
  }

  /** Moves the centroid to the origin and scales the mean distance from it to the square root of 2. */
  private static double[][] normalisation(double[][] p) {
    double[] c = centroid(p, 0, p.length);
    double mean = 0;
    for (double[] x : p) mean += Math.hypot(x[0] - c[0], x[1] - c[1]);
    mean /= p.length;
    double s = Math.sqrt(2) / Math.max(mean, 1e-12);
    return new double[][] {{s, 0, -s * c[0]}, {0, s, -s * c[1]}, {0, 0, 1}};
  }

  private static double[][] inverseNormalisation(double[][] t) {
    double s = t[0][0];
    return new double[][] {{1 / s, 0, -t[0][2] / s}, {0, 1 / s, -t[1][2] / s}, {0, 0, 1}};
  }

  /**
   * A weak-perspective pose: {@code q ≈ scale · rotation[0..1] · (shape − shapeCentre) + translation}.
   *
   * @param residual the fit's residual, divided by the face size in {@code q}
   */
  record Pose(double[][] rotation, double scale, double[] translation, double residual) {
  }

  /**
   * The rigid pose of a 3-D {@code shape} that best explains the landmarks {@code q}: an affine camera fitted to the
   * inner points, the nearest scaled rotation, then Gauss–Newton. The inner points (brows, nose, eyes, mouth) count
   * fully; a jaw-line point counts only across the jaw line, weighted by {@code contourWeight}, because a jaw-line
   * landmark is where the silhouette is, which slides along the face as the head turns.
   */
  static Pose rigidPose(double[][] shape, double[][] q, double contourWeight) {
    int n = q.length;
    double[] sc = centroid(shape, CONTOUR, n);
    double[] qc = centroid(q, CONTOUR, n);
    double[][] s = new double[n][3];
    for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) s[i][k] = shape[i][k] - sc[k];
    double[][] normals = contourNormals(q);
    Pose start = initialPose(s, q, qc);
    double[][] rotation = start.rotation();
    double scale = start.scale();
    double[] t = {qc[0], qc[1]};
    double wc = Math.sqrt(contourWeight);
    for (int iteration = 0; iteration < RIGID_ITERATIONS; iteration++) {
      double[][] jtj = new double[6][6];
      double[] jte = new double[6];
      for (int i = 0; i < n; i++) {
        double[] v = times(rotation, s[i]);
        double ex = q[i][0] - (scale * v[0] + t[0]), ey = q[i][1] - (scale * v[1] + t[1]);
        // d(prediction)/d(rotation increment k, scale, tx, ty), for x and y
        double[] jx = {0, scale * v[2], -scale * v[1], v[0], 1, 0};
        double[] jy = {-scale * v[2], 0, scale * v[0], v[1], 0, 1};
        if (i >= CONTOUR) {
          accumulate(jtj, jte, jx, ex);
          accumulate(jtj, jte, jy, ey);
        } else {
          double nx = normals[i][0], ny = normals[i][1];
          double[] jn = new double[6];
          for (int k = 0; k < 6; k++) jn[k] = wc * (nx * jx[k] + ny * jy[k]);
          accumulate(jtj, jte, jn, wc * (nx * ex + ny * ey));
        }
      }
      for (int k = 0; k < 6; k++) jtj[k][k] += 1e-9 * (1 + jtj[k][k]);
      double[] d = Matrices.solve(jtj, jte);
      rotation = orthonormal(Matrices.multiply(Matrices.rotation(new double[] {d[0], d[1], d[2]}), rotation));
      scale += d[3];
      t[0] += d[4];
      t[1] += d[5];
      if (Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]) < 1e-10) break;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] v = times(rotation, s[i]);
      double ex = q[i][0] - (scale * v[0] + t[0]), ey = q[i][1] - (scale * v[1] + t[1]);
      sum += i >= CONTOUR ? ex * ex + ey * ey : contourWeight * sq(normals[i][0] * ex + normals[i][1] * ey);
    }
    // A jaw-line point contributes one direction of two: half a point's weight in the mean.
    double points = (n - CONTOUR) + contourWeight * CONTOUR / 2.0;
    return new Pose(rotation, scale, t, Math.sqrt(sum / points) / size(q));
  }

  /** A pinhole camera: focal length in pixels and the principal point. */
  record Camera(double focal, double cx, double cy) {
  }

  /**
   * A perspective pose, in camera coordinates (x right, y down, z away from the camera): a head point {@code p}
   * (head frame, z towards the camera) is at {@code rotation · (p.x, p.y, −p.z) + translation}.
   *
   * @param residual the fit's residual, divided by the face size in the fitted landmarks
   */
  record PerspectivePose(double[][] rotation, double[] translation, double residual) {

    /** Where a head point is in camera coordinates. */
    double[] camera(double[] headPoint) {
      double[] v = times(rotation, new double[] {headPoint[0], headPoint[1], -headPoint[2]});
      return new double[] {v[0] + translation[0], v[1] + translation[1], v[2] + translation[2]};
    }
  }

  /**
   * The rigid pose of a 3-D {@code shape} (head frame: x right, y down, z towards the camera) that best explains the
   * landmarks {@code q} seen by {@code camera}: started from the weak-perspective pose, then Gauss–Newton on rotation
   * and translation. Weighted like {@link #rigidPose} (jaw-line points across the outline only). At a webcam's
   * distance a face's depth is a fifth of its distance, too much to ignore: a weak-perspective fit leaves an exactly
   * rigid turned head a residual of several percent of the face.
   */
  static PerspectivePose perspectivePose(double[][] shape, double[][] q, Camera camera, double contourWeight) {
    int n = q.length;
    Pose weak = rigidPose(shape, q, contourWeight);
    double f = camera.focal();
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) p[i] = new double[] {shape[i][0], shape[i][1], -shape[i][2]};
    // The same rotation acting on the mirrored (right-handed) coordinates: F·R·F with F = diag(1, 1, −1).
    double[][] rotation = weak.rotation();
    rotation = new double[][] {{rotation[0][0], rotation[0][1], -rotation[0][2]},
        {rotation[1][0], rotation[1][1], -rotation[1][2]}, {-rotation[2][0], -rotation[2][1], rotation[2][2]}};
    double[] centre = centroid(p, CONTOUR, n);
    double tz = f / weak.scale();
    double[] rc = times(rotation, centre);
    double[] t = {(weak.translation()[0] - camera.cx()) * tz / f - rc[0],
        (weak.translation()[1] - camera.cy()) * tz / f - rc[1], tz - rc[2]};
    double[][] normals = contourNormals(q);
    double wc = Math.sqrt(contourWeight);
    for (int iteration = 0; iteration < RIGID_ITERATIONS; iteration++) {
      double[][] jtj = new double[6][6];
      double[] jte = new double[6];
      for (int i = 0; i < n; i++) {
        double[] v = times(rotation, p[i]);
        double x = v[0] + t[0], y = v[1] + t[1], z = v[2] + t[2];
        double ex = q[i][0] - (f * x / z + camera.cx()), ey = q[i][1] - (f * y / z + camera.cy());
        // d(pixel)/d(camera point) times d(camera point)/d(parameter): e_k × v for rotation increment k, 1 for T
        double ax = f / z, bx = -f * x / (z * z), ay = f / z, by = -f * y / (z * z);
        double[] jx = {bx * v[1], ax * v[2] - bx * v[0], -ax * v[1], ax, 0, bx};
        double[] jy = {by * v[1] - ay * v[2], -by * v[0], ay * v[0], 0, ay, by};
        if (i >= CONTOUR) {
          accumulate(jtj, jte, jx, ex);
          accumulate(jtj, jte, jy, ey);
        } else {
          double nx = normals[i][0], ny = normals[i][1];
          double[] jn = new double[6];
          for (int k = 0; k < 6; k++) jn[k] = wc * (nx * jx[k] + ny * jy[k]);
          accumulate(jtj, jte, jn, wc * (nx * ex + ny * ey));
        }
      }
      for (int k = 0; k < 6; k++) jtj[k][k] += 1e-9 * (1 + jtj[k][k]);
      double[] d = Matrices.solve(jtj, jte);
      rotation = orthonormal(Matrices.multiply(Matrices.rotation(new double[] {d[0], d[1], d[2]}), rotation));
      t[0] += d[3];
      t[1] += d[4];
      t[2] += d[5];
      if (Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]) + Math.abs(d[5]) / tz < 1e-10) break;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] v = times(rotation, p[i]);
      double x = v[0] + t[0], y = v[1] + t[1], z = v[2] + t[2];
      double ex = q[i][0] - (f * x / z + camera.cx()), ey = q[i][1] - (f * y / z + camera.cy());
      sum += i >= CONTOUR ? ex * ex + ey * ey : contourWeight * sq(normals[i][0] * ex + normals[i][1] * ey);
    }
    double points = (n - CONTOUR) + contourWeight * CONTOUR / 2.0;
    return new PerspectivePose(rotation, t, Math.sqrt(sum / points) / size(q));
  }

  /**
   * The affine camera {@code P} (2x3) minimising the inner points' error, and the nearest rotation to its rows
   * (their singular value decomposition), with the mean singular value as the scale.
   */
  private static Pose initialPose(double[][] s, double[][] q, double[] qc) {
    double[][] sts = new double[3][3];
    double[][] qts = new double[2][3];
    for (int i = CONTOUR; i < q.length; i++) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) sts[a][b] += s[i][a] * s[i][b];
        qts[0][a] += (q[i][0] - qc[0]) * s[i][a];
        qts[1][a] += (q[i][1] - qc[1]) * s[i][a];
      }
    }
    double[][] p = new double[2][];
    for (int r = 0; r < 2; r++) p[r] = Matrices.solve(sts, qts[r]);   // sts is symmetric: P = QtS · StS⁻¹
    // Singular value decomposition of the 2x3 P through the eigenvectors of P·Pᵀ.
    double[][] ppt = Matrices.multiply(p, Matrices.transpose(p));
    Matrices.Eigen eigen = Matrices.symmetricEigen(ppt);
    double[][] r2 = new double[2][3];
    double sigmaSum = 0;
    for (int k = 0; k < 2; k++) {
      double sigma = Math.sqrt(Math.max(eigen.values()[k], 1e-24));
      sigmaSum += sigma;
      double[] u = eigen.vector(k);
      double[] v = new double[3];
      for (int j = 0; j < 3; j++) v[j] = (u[0] * p[0][j] + u[1] * p[1][j]) / sigma;
      for (int r = 0; r < 2; r++) for (int j = 0; j < 3; j++) r2[r][j] += u[r] * v[j];
    }
    double[] r3 = Matrices.cross(r2[0], r2[1]);
    return new Pose(orthonormal(new double[][] {r2[0], r2[1], r3}), sigmaSum / 2, qc, Double.NaN);
  }

  /** Unit normals of the jaw line at each of its points, from its neighbours. */
  private static double[][] contourNormals(double[][] q) {
    double[][] normals = new double[CONTOUR][2];
    for (int i = 0; i < CONTOUR; i++) {
      double[] a = q[Math.max(i - 1, 0)], b = q[Math.min(i + 1, CONTOUR - 1)];
      double tx = b[0] - a[0], ty = b[1] - a[1], length = Math.max(Math.hypot(tx, ty), 1e-12);
      normals[i][0] = -ty / length;
      normals[i][1] = tx / length;
    }
    return normals;
  }

  /** Gram–Schmidt on the first two rows; the third is their cross product (a proper rotation). */
  private static double[][] orthonormal(double[][] r) {
    double[] a = r[0].clone();
    double na = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    for (int k = 0; k < 3; k++) a[k] /= na;
    double[] b = r[1].clone();
    double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    for (int k = 0; k < 3; k++) b[k] -= dot * a[k];
    double nb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
    for (int k = 0; k < 3; k++) b[k] /= nb;
    return new double[][] {a, b, Matrices.cross(a, b)};
  }

  private static void accumulate(double[][] jtj, double[] jte, double[] j, double e) {
    for (int a = 0; a < 6; a++) {
      jte[a] += j[a] * e;
      for (int b = 0; b < 6; b++) jtj[a][b] += j[a] * j[b];
    }
  }

  private static double[] times(double[][] r, double[] v) {
    return new double[] {
        r[0][0] * v[0] + r[0][1] * v[1] + r[0][2] * v[2],
        r[1][0] * v[0] + r[1][1] * v[1] + r[1][2] * v[2],
        r[2][0] * v[0] + r[2][1] * v[1] + r[2][2] * v[2]};
  }

  static double[] centroid(double[][] p, int from, int to) {
    double x = 0, y = 0, z = 0;
    int dims = p[from].length;
    for (int i = from; i < to; i++) {
      x += p[i][0];
      y += p[i][1];
      if (dims > 2) z += p[i][2];
    }
    int n = to - from;
    return dims > 2 ? new double[] {x / n, y / n, z / n} : new double[] {x / n, y / n};
  }

  private static double sq(double v) {
    return v * v;
  }
}
