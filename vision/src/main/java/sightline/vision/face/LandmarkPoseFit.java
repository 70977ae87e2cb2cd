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
 * pose-fit --images DIR [--limit N] [--out FILE]}. For a fixed pseudo-random sample of the JPEGs under {@code DIR}
 * (LFW deep-funneled: one face near the centre of each picture) it finds the central face as
 * {@link EngagementAnalyzer} does, takes the normalised landmark shape as input and, as the answer, {@code fr_pose}
 * on the roll-compensated crop averaged with its mirror image; it fits on four fifths, reports the error on the
 * last fifth, then fits on all and writes the file. A tool for maintainers; the library only reads the result.
 */
public final class LandmarkPoseFit {

  static final double LAMBDA = 0.01;
  private static final long SEED = 15;

  private LandmarkPoseFit() {
  }

  /** Runs the fit; returns 0, or 2 when no image could be used. */
  public static int run(Path images, int limit, Path out, PrintStream err) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(images)) {
      files = new ArrayList<>(walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
          .sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
    Collections.shuffle(files, new Random(SEED));
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
    if (features.size() < 2 * LandmarkGeometry.FEATURES) {
      err.println("sightline eval: pose-fit needs at least " + 2 * LandmarkGeometry.FEATURES + " faces, found "
          + features.size());
      return 2;
    }
    int split = features.size() * 4 / 5;
    LandmarkPose heldOut = LandmarkPose.fit(features.subList(0, split), targets.subList(0, split), LAMBDA);
    double[] error = rootMeanSquareError(heldOut, features.subList(split, features.size()),
        targets.subList(split, targets.size()));
    LandmarkPose all = LandmarkPose.fit(features, targets, LAMBDA);
    double[] trainError = rootMeanSquareError(all, features, targets);
    String summary = String.format(Locale.ROOT, "%d faces from %d images under %s (%d skipped); held-out fifth: "
        + "RMSE yaw %.2f, pitch %.2f degrees; all, in-sample: yaw %.2f, pitch %.2f", features.size(), files.size(),
        images.getFileName(), skipped, error[0], error[1], trainError[0], trainError[1]);
    List<String> comments = List.of(
        "Landmark head pose: yaw and pitch (degrees) = coefficients . (x0, y0, ..., x67, y67, 1) of the roll-free",
        "normalised 68-point shape (LandmarkGeometry.features). Written by ./sightline eval pose-fit (LandmarkPoseFit):",
        "ridge regression (lambda " + LAMBDA + ") against fr_pose on roll-compensated crops averaged with their mirror,",
        "every face also added mirrored; seed " + SEED + ".",
        summary);
    try {
      Files.writeString(out, all.text(comments));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    err.println("pose-fit: " + summary);
    err.println("pose-fit: written to " + out);
    return 0;
  }

  private static double[] rootMeanSquareError(LandmarkPose pose, List<double[]> features, List<double[]> targets) {
    double yaw = 0, pitch = 0;
    for (int i = 0; i < features.size(); i++) {
      double[] f = features.get(i);
      double dy = dot(pose.yaw(), f) - targets.get(i)[0];
      double dp = dot(pose.pitch(), f) - targets.get(i)[1];
      yaw += dy * dy;
      pitch += dp * dp;
    }
    return new double[] {Math.sqrt(yaw / features.size()), Math.sqrt(pitch / features.size())};
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
