package sightline.vision.eval;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sightline.vision.face.LandmarkPoseFit;
import sightline.vision.liveness.MeanFace;

/** {@code eval pose-fit --images DIR [--limit N] [--out FILE]}: argument parsing for {@link LandmarkPoseFit}. */
final class PoseFitCommand {

  private PoseFitCommand() {
  }

  static int command(String[] args, PrintStream out, PrintStream err) {
    Path images = null;
    Path file = Path.of("landmark-pose.txt");
    int limit = 4000;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--images" -> images = Path.of(args[++i]);
          case "--limit" -> limit = Integer.parseInt(args[++i]);
          case "--out" -> file = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (images == null) throw new IllegalArgumentException("--images DIR is required");
      if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    if (!Files.isDirectory(images)) {
      err.println("sightline eval: no folder at " + images);
      return 2;
    }
    return LandmarkPoseFit.run(MeanFace.standard().points(), images, limit, file, err);
  }
}
