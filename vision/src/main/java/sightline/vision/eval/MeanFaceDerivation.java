package sightline.vision.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.MeanFace;
import sightline.vision.model.ModelStore;

/**
 * {@code eval mean-face --images DIR}: derives the mean 3-D face of the motion cue ({@link MeanFace#derive}) from
 * {@code fr_landmark}'s points on every JPEG under DIR (the face nearest each image's centre) and prints it in the
 * resource format. The shipped {@code sightline/vision/liveness/mean-face-68.txt} is this command's output on
 * {@code faces/lfw-deepfunneled/images}.
 */
final class MeanFaceDerivation {

  private MeanFaceDerivation() {
  }

  static int command(String[] args, PrintStream out, PrintStream err) {
    Path images = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--images") && i + 1 < args.length) {
        images = Path.of(args[++i]);
      } else {
        err.println("sightline eval: unknown option " + args[i]);
        err.print(EvalCommand.USAGE);
        return 2;
      }
    }
    if (images == null || !Files.isDirectory(images)) {
      err.println("sightline eval: mean-face needs --images DIR (a folder of face photos)");
      return 2;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(images)) {
      files = walk.filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var landmarks = new ArrayList<FaceLandmarks>();
    var decoder = ImageDecoder.withDefaults();
    var progress = new EvalCommand.Progress(err, files.size());
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.LANDMARKS)))) {
      int done = 0;
      for (Path file : files) {
        try {
          Image image = decoder.decode(file);
          DetectedFace face = EvalCommand.nearestCentre(analyzer.analyze(image), image);
          if (face != null) landmarks.add(java.util.Objects.requireNonNull(face.landmarks()));
        } catch (ImageRejected | UncheckedIOException e) {
          // an unreadable photo is left out; the count below says how many were used
        }
        progress.update(++done);
      }
    } finally {
      progress.finish();
    }
    MeanFace shape = MeanFace.derive(landmarks).withJawDepth(MeanFace.ANTHROPOMETRIC_JAW_DEPTH);
    out.print(shape.toText("""
        # Mean 3-D face of the 68 iBUG landmarks: x right, y down, z towards the camera, in units of the outer
        # eye-corner distance (points 36 and 45), centred, left-right symmetric. Derived by Sightline, not copied:
        # fr_landmark's points on %,d of %,d photos under %s, rank-3
        # factorised with the orthographic metric upgrade (MeanFace.derive), depths scaled to put the jaw line's
        # top %.1f eye-corner distances behind the eye corners (MeanFace.withJawDepth); no image data.
        # Recompute: ./sightline eval mean-face --images <that folder>
        """.formatted(landmarks.size(), files.size(), images, MeanFace.ANTHROPOMETRIC_JAW_DEPTH)));
    return 0;
  }
}
