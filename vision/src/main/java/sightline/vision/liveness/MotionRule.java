package sightline.vision.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sightline.vision.Point;
import sightline.vision.face.FaceLandmarks;

/**
 * Thresholds of the 3-D motion cue and its evaluation over a session's landmarks. Immutable and thread-safe; part of
 * a {@link LivenessPolicy}, replaceable by a site's calibration.
 *
 * @param minDeformation  a frame counts as moving when its landmarks changed by at least this share of the face's
 *                        size beyond an in-plane move, turn and zoom; below it landmark noise dominates
 * @param minMovingFrames moving frames needed before the cue concludes anything, at least 2
 * @param planarBelow     {@link MotionEvidence.Verdict#PLANAR} when the non-planar share is below this
 * @param rigidAbove      {@link MotionEvidence.Verdict#NOT_RIGID} when the non-rigid share is above this
 * @param contourWeight   weight of a jaw-line point's across-the-outline error against an inner point's, in [0, 1]
 */
public record MotionRule(double minDeformation, int minMovingFrames, double planarBelow, double rigidAbove,
    double contourWeight) {

  public MotionRule {
    if (!(minDeformation > 0 && minDeformation < 1)) {
      throw new IllegalArgumentException("minDeformation must be in (0, 1), was " + minDeformation);
    }
    if (minMovingFrames < 2) {
      throw new IllegalArgumentException("minMovingFrames must be at least 2, was " + minMovingFrames);
    }
    if (!(planarBelow >= 0 && planarBelow <= 1) || !(rigidAbove >= 0 && rigidAbove <= 1)) {
      throw new IllegalArgumentException("planarBelow and rigidAbove must be in [0, 1]");
    }
    if (!(contourWeight >= 0 && contourWeight <= 1)) {
      throw new IllegalArgumentException("contourWeight must be in [0, 1], was " + contourWeight);
    }
  }

  /** The shipped rule; how each number was chosen is in vision/README.md ("Liveness: motion cue"). */
  public static MotionRule defaults() {
    return new MotionRule(0.07, 2, 0.40, 0.57, 0.5);
  }

  /** The camera the cue assumes: a 60° horizontal field of view, typical of laptop webcams (focal 0.866 widths). */
  static final double FOCAL_LENGTH_PER_WIDTH = 0.866;
  /** The mean face's unit, the outer eye-corner distance, is about 9 cm on adults: it sets the face's depth in cm. */
  static final double EYE_CORNERS_CM = 9.0;
  /**
   * The landmarks the cue uses: the jaw line first (0–16, as {@link LandmarkFits} expects), then brows, nose and
   * the four eye corners. The mouth and the eyelids are left out: they move when a person talks, smiles or blinks,
   * which is life, not a change of head pose.
   */
  static final int[] POINTS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
      24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 42, 45};

  /**
   * Evaluates a session's landmarks, the reference frame first (a frame looking at the camera, as a liveness
   * session's first frontal frame), the others in any order, all from one camera whose frames are
   * {@code frameWidth x frameHeight}. Pure; about 0.3 ms of CPU per frame.
   *
   * @throws IllegalArgumentException when {@code frames} is empty or the frame size is not positive
   */
  public MotionEvidence evaluate(List<FaceLandmarks> frames, int frameWidth, int frameHeight) {
    if (frames.isEmpty()) throw new IllegalArgumentException("no frames");
    if (frameWidth <= 0 || frameHeight <= 0) throw new IllegalArgumentException("the frame size must be positive");
    var camera = new LandmarkFits.Camera(FOCAL_LENGTH_PER_WIDTH * frameWidth, frameWidth / 2.0, frameHeight / 2.0);
    double[][] reference = array(frames.getFirst());
    double[][] person = personShape(reference, camera);
    var planar = new ArrayList<Double>();
    var rigid = new ArrayList<Double>();
    double largest = 0;
    for (FaceLandmarks frame : frames.subList(1, frames.size())) {
      FrameMotion motion = compare(reference, person, array(frame), camera);
      largest = Math.max(largest, motion.deformation());
      if (motion.deformation() >= minDeformation) {
        planar.add(motion.planarResidual() / motion.deformation());
        rigid.add(motion.rigidResidual() / motion.deformation());
      }
    }
    int moving = planar.size();
    if (moving < minMovingFrames) {
      return new MotionEvidence(MotionEvidence.Verdict.TOO_LITTLE_MOTION, frames.size(), moving, largest,
          moving == 0 ? Double.NaN : median(planar), moving == 0 ? Double.NaN : median(rigid));
    }
    double nonPlanarity = Math.min(1, median(planar));
    double nonRigidity = Math.min(1, median(rigid));
    MotionEvidence.Verdict verdict = nonPlanarity < planarBelow ? MotionEvidence.Verdict.PLANAR
        : nonRigidity > rigidAbove ? MotionEvidence.Verdict.NOT_RIGID : MotionEvidence.Verdict.THREE_D;
    return new MotionEvidence(verdict, frames.size(), moving, largest, nonPlanarity, nonRigidity);
  }

  /** One frame against the reference: deformation and the two fits' residuals, all divided by the face size. */
  record FrameMotion(double deformation, double planarResidual, double rigidResidual) {
  }

  FrameMotion compare(double[][] reference, double[][] person, double[][] frame, LandmarkFits.Camera camera) {
    double deformation = LandmarkFits.similarityResidual(reference, frame);
    if (deformation < minDeformation) return new FrameMotion(deformation, Double.NaN, Double.NaN);
    return new FrameMotion(deformation, LandmarkFits.planarResidual(reference, frame),
        LandmarkFits.perspectivePose(person, frame, camera, contourWeight).residual());
  }

  /**
   * The person's own 3-D face, in cm: the mean face posed onto the reference landmarks, then each point moved
   * sideways so that it projects exactly onto the reference landmark at the mean face's depth. A real person's head
   * then fits later frames up to the error of those depths, whatever the shape of their face.
   */
  double[][] personShape(double[][] reference, LandmarkFits.Camera camera) {
    double[][] all = MeanFace.standard().points();
    double[][] mean = new double[POINTS.length][];
    for (int i = 0; i < POINTS.length; i++) {
      mean[i] = new double[] {all[POINTS[i]][0] * EYE_CORNERS_CM, all[POINTS[i]][1] * EYE_CORNERS_CM,
          all[POINTS[i]][2] * EYE_CORNERS_CM};
    }
    LandmarkFits.PerspectivePose pose = LandmarkFits.perspectivePose(mean, reference, camera, contourWeight);
    double[][] r = pose.rotation();
    double[] t = pose.translation();
    double f = camera.focal();
    double[][] person = new double[mean.length][];
    for (int i = 0; i < mean.length; i++) {
      double z = mean[i][2];
      // camera point = R·(x, y, −z) + T = R[:,0]·x + R[:,1]·y + b, projected onto the reference landmark (du, dv)
      double bx = -r[0][2] * z + t[0], by = -r[1][2] * z + t[1], bz = -r[2][2] * z + t[2];
      double du = reference[i][0] - camera.cx(), dv = reference[i][1] - camera.cy();
      double a00 = du * r[2][0] - f * r[0][0], a01 = du * r[2][1] - f * r[0][1];
      double a10 = dv * r[2][0] - f * r[1][0], a11 = dv * r[2][1] - f * r[1][1];
      double c0 = -(du * bz - f * bx), c1 = -(dv * bz - f * by);
      double det = a00 * a11 - a01 * a10;
      person[i] = new double[] {(a11 * c0 - a01 * c1) / det, (a00 * c1 - a10 * c0) / det, z};
    }
    return person;
  }

  /** The cue's {@link #POINTS} of a face, as {@code double[40][2]} pixels. */
  static double[][] array(FaceLandmarks landmarks) {
    List<Point> points = landmarks.points();
    double[][] out = new double[POINTS.length][2];
    for (int i = 0; i < out.length; i++) {
      out[i][0] = points.get(POINTS[i]).x();
      out[i][1] = points.get(POINTS[i]).y();
    }
    return out;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
