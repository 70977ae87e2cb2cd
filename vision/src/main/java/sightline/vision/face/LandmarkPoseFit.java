package sightline.vision.face;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.Point;
import sightline.vision.model.ModelStore;

/**
 * Fits the coefficients of the landmark head pose (the resource {@code landmark-pose.txt}): {@code ./sightline eval
 * pose-fit --images DIR [--limit N] [--out FILE]}, in two steps, so that no face photo's statistics are baked in
 * beyond two numbers per angle:
 * <ol>
 *   <li>geometry: ridge regression on {@value #SYNTHETIC} synthetic landmark sets, the library's mean 3-D face with
 *   its proportions varied, turned to a known yaw, pitch and roll and seen by a pinhole camera, with landmark noise;
 *   <li>convention: a gain and an offset per angle (yaw's offset fixed at 0 by symmetry) so that the answers follow
 *   {@code fr_pose} on the faces under {@code DIR} (the face nearest each JPEG's centre; {@code fr_pose} on the
 *   roll-compensated crop averaged with its mirror image), fitted on four fifths and reported on the last fifth.
 * </ol>
 * A tool for maintainers; the library only reads the result.
 */
public final class LandmarkPoseFit {

  static final double LAMBDA = 0.01;
  static final int SYNTHETIC = 20_000;
  private static final long SEED = 15;

  private LandmarkPoseFit() {
  }

  /**
   * Runs the fit; returns 0, or 2 when too few faces were found under {@code images}.
   *
   * @param meanFace the 68 points {@code {x, y, z}} of a mean 3-D face: x right, y down, z towards the camera
   */
  public static int run(double[][] meanFace, Path images, int limit, Path out, PrintStream err) {
    var random = new Random(SEED);
    var features = new ArrayList<double[]>();
    var angles = new ArrayList<double[]>();
    for (int i = 0; i < SYNTHETIC; i++) {
      double yaw = uniform(random, 50), pitch = uniform(random, 40), roll = uniform(random, 30);
      features.add(LandmarkGeometry.features(synthetic(meanFace, yaw, pitch, roll, random)));
      angles.add(new double[] {yaw, pitch});
    }
    LandmarkPose geometric = LandmarkPose.fit(features, angles, LAMBDA);

    var measured = measure(images, limit, random, err);
    if (measured.features().size() < 20) {
      err.println("sightline eval: pose-fit needs at least 20 faces under " + images + ", found "
          + measured.features().size());
      return 2;
    }
    int split = measured.features().size() * 4 / 5;
    List<double[]> fit = measured.features().subList(0, split), test = measured.features().subList(split,
        measured.features().size());
    List<double[]> fitTargets = measured.targets().subList(0, split), testTargets = measured.targets().subList(split,
        measured.targets().size());
    Calibration calibration = calibrate(geometric, fit, fitTargets);
    LandmarkPose calibrated = calibration.pose();
    double[] before = rootMeanSquareError(geometric, test, testTargets);
    double[] after = rootMeanSquareError(calibrated, test, testTargets);
    String summary = String.format(Locale.ROOT, "%d synthetic shapes; convention (yaw gain %.3f, pitch gain %.3f, "
        + "offset %.2f) from %d faces of %d images under %s (%d skipped); held-out %d faces, RMSE against fr_pose: "
        + "geometry alone yaw %.2f, pitch %.2f degrees; calibrated yaw %.2f, pitch %.2f", SYNTHETIC,
        calibration.yawGain(), calibration.pitchGain(), calibration.pitchOffset(), split, measured.images(),
        images.getFileName(), measured.skipped(), test.size(), before[0], before[1], after[0], after[1]);
    List<String> comments = List.of(
        "Landmark head pose: yaw and pitch (degrees) = coefficients . (x0, y0, ..., x67, y67, 1) of the roll-free",
        "normalised 68-point shape (LandmarkGeometry.features). Written by ./sightline eval pose-fit (LandmarkPoseFit):",
        "ridge regression (lambda " + LAMBDA + ") on synthetic views of the mean 3-D face (yaw within 50, pitch 40, roll",
        "30 degrees), then a gain and an offset per angle against fr_pose; seed " + SEED + ".",
        summary);
    try {
      Files.writeString(out, calibrated.text(comments));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    err.println("pose-fit: " + summary);
    err.println("pose-fit: written to " + out);
    return 0;
  }

  private static double uniform(Random random, double limit) {
    return (2 * random.nextDouble() - 1) * limit;
  }

  /**
   * The landmarks of one synthetic view: the mean face with its width, height and depth scaled (depth the least
   * certain) and each point moved a little, turned by yaw (positive: nose towards the image's left), pitch
   * (positive: looking up) and roll, placed 4–12 eye-corner distances from a pinhole camera, with landmark noise of
   * 1% of the face's size.
   */
  static FaceLandmarks synthetic(double[][] meanFace, double yaw, double pitch, double roll, Random random) {
    double sx = 1 + 0.06 * random.nextGaussian(), sy = 1 + 0.06 * random.nextGaussian();
    double sz = 1 + 0.15 * random.nextGaussian();
    double distance = 4 + 8 * random.nextDouble();
    double offsetX = 0.5 * random.nextGaussian(), offsetY = 0.5 * random.nextGaussian();
    double cy = Math.cos(Math.toRadians(yaw)), sny = Math.sin(Math.toRadians(yaw));
    double cp = Math.cos(Math.toRadians(pitch)), snp = Math.sin(Math.toRadians(pitch));
    double cr = Math.cos(Math.toRadians(roll)), snr = Math.sin(Math.toRadians(roll));
    var points = new ArrayList<Point>(meanFace.length);
    for (double[] p : meanFace) {
      double x = p[0] * sx + 0.02 * random.nextGaussian();
      double y = p[1] * sy + 0.02 * random.nextGaussian();
      double z = p[2] * sz + 0.02 * random.nextGaussian();
      double x1 = x * cy - z * sny, z1 = x * sny + z * cy;          // yaw about the vertical axis
      double y2 = y * cp - z1 * snp, z2 = y * snp + z1 * cp;        // pitch about the horizontal axis
      double x3 = x1 * cr - y2 * snr, y3 = x1 * snr + y2 * cr;      // roll in the image plane
      double depth = distance - z2;
      points.add(new Point((x3 + offsetX) / depth + 0.004 * random.nextGaussian(),
          (y3 + offsetY) / depth + 0.004 * random.nextGaussian()));
    }
    return new FaceLandmarks(points);
  }

  private record Measured(List<double[]> features, List<double[]> targets, int images, int skipped) {}

  /** Landmark features and {@code fr_pose}'s answers of the face nearest the centre of each JPEG, in random order. */
  private static Measured measure(Path images, int limit, Random random, PrintStream err) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(images)) {
      files = new ArrayList<>(walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
          .sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
    Collections.shuffle(files, random);
    files = files.subList(0, Math.min(limit, files.size()));
    var features = new ArrayList<double[]>();
    var targets = new ArrayList<double[]>();
    var decoder = ImageDecoder.withDefaults();
    int skipped = 0;
    try (var analyzer = EngagementAnalyzer.load(ModelStore.atDefaultLocation(),
        EngagementAnalyzer.Options.defaults().withPoseModel(true))) {
      for (int i = 0; i < files.size(); i++) {
        Image image;
        try {
          image = decoder.decode(files.get(i));
        } catch (ImageRejected | UncheckedIOException e) {
          skipped++;
          continue;
        }
        byte[] rgb = image.rgb();
        int w = image.width(), h = image.height();
        var centre = new Point(w / 2.0, h / 2.0);
        var candidates = analyzer.detect(rgb, w, h);
        if (candidates.isEmpty()) {
          skipped++;
          continue;
        }
        Detection.Candidate face = candidates.stream()
            .min((a, b) -> Double.compare(a.box().centre().distanceTo(centre), b.box().centre().distanceTo(centre)))
            .orElseThrow();
        FaceLandmarks landmarks = analyzer.refine(rgb, w, h, analyzer.locate(rgb, w, h, RotatedCrop.of(face.box())))
            .landmarks();
        RotatedCrop frame = RotatedCrop.around(landmarks);
        HeadPose direct = analyzer.modelPose(rgb, w, h, frame, landmarks, false);
        HeadPose mirrored = analyzer.modelPose(rgb, w, h, frame, landmarks, true);
        features.add(LandmarkGeometry.features(landmarks));
        targets.add(new double[] {(direct.yawDegrees() - mirrored.yawDegrees()) / 2,
            (direct.pitchDegrees() + mirrored.pitchDegrees()) / 2});
        if ((i + 1) % 500 == 0) err.printf(Locale.ROOT, "pose-fit: %d of %d images%n", i + 1, files.size());
      }
    }
    return new Measured(features, targets, files.size(), skipped);
  }

  /**
   * The geometric pose scaled and shifted to the targets' convention by least squares: yaw through the origin over
   * each face and its mirror image, pitch with an offset. Scaling every coefficient by the gain and adding the offset
   * to the constant one keeps it one dot product.
   */
  record Calibration(LandmarkPose pose, double yawGain, double pitchGain, double pitchOffset) {}

  static Calibration calibrate(LandmarkPose geometric, List<double[]> features, List<double[]> targets) {
    double yy = 0, yt = 0;
    double n = 0, p = 0, t = 0, pp = 0, pt = 0;
    for (int i = 0; i < features.size(); i++) {
      double[] f = features.get(i);
      double yaw = LandmarkPose.dot(geometric.yaw(), f);
      double mirroredYaw = LandmarkPose.dot(geometric.yaw(), LandmarkGeometry.mirror(f));
      yy += yaw * yaw + mirroredYaw * mirroredYaw;
      yt += (yaw - mirroredYaw) * targets.get(i)[0];
      double pitch = LandmarkPose.dot(geometric.pitch(), f);
      n++;
      p += pitch;
      t += targets.get(i)[1];
      pp += pitch * pitch;
      pt += pitch * targets.get(i)[1];
    }
    double yawGain = yt / yy;
    double pitchGain = (n * pt - p * t) / (n * pp - p * p);
    double pitchOffset = (t - pitchGain * p) / n;
    double[] yaw = geometric.yaw().clone(), pitch = geometric.pitch().clone();
    for (int i = 0; i < yaw.length; i++) {
      yaw[i] *= yawGain;
      pitch[i] *= pitchGain;
    }
    pitch[pitch.length - 1] += pitchOffset;
    return new Calibration(new LandmarkPose(yaw, pitch), yawGain, pitchGain, pitchOffset);
  }

  private static double[] rootMeanSquareError(LandmarkPose pose, List<double[]> features, List<double[]> targets) {
    double yaw = 0, pitch = 0;
    for (int i = 0; i < features.size(); i++) {
      double[] f = features.get(i);
      double dy = LandmarkPose.dot(pose.yaw(), f) - targets.get(i)[0];
      double dp = LandmarkPose.dot(pose.pitch(), f) - targets.get(i)[1];
      yaw += dy * dy;
      pitch += dp * dp;
    }
    return new double[] {Math.sqrt(yaw / features.size()), Math.sqrt(pitch / features.size())};
  }
}
