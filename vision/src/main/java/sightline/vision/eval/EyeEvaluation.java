package sightline.vision.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.EyeStates;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.model.ModelStore;

/**
 * {@code eval eyes}: per-frame eye-closed agreement of {@code fr_eye} with blink labels, on a folder laid out as
 * {@code shared/datasets/video/focus-blink-webcam}: for each {@code <clip>_ideal.csv} (one {@code 0} open or
 * {@code 1} closed per line, one line per frame) the frames come from {@code <clip>.avi} (or any other
 * {@code <clip>.*} video) through ffmpeg when it is on the PATH, else from {@code <clip>*.mjpeg}, whose frames label
 * lines 1..n. A frame is predicted closed when {@link EyeStates#bothClosed()} says so for its largest face (a blink
 * closes both eyes). Frames without a face are counted apart and left out of the figures.
 */
final class EyeEvaluation {

  private EyeEvaluation() {
  }

  /** One clip's frames source and labels. */
  record Clip(String name, Path frames, List<Boolean> closed) {
  }

  /** Parses {@code eyes --dataset DIR [--json] [--max-frames N]} and runs it. */
  static int command(String[] args, PrintStream out, PrintStream err) {
    Path dataset = null;
    boolean json = false;
    int maxFrames = Integer.MAX_VALUE;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--max-frames" -> maxFrames = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataset == null) throw new IllegalArgumentException("--dataset DIR is required");
      if (maxFrames < 1) throw new IllegalArgumentException("--max-frames must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    List<Clip> clips = clips(dataset, VideoFrames.ffmpegAvailable(), err);
    if (clips.isEmpty()) {
      err.println("sightline eval: no <clip>_ideal.csv with readable frames in " + dataset);
      return 2;
    }
    return run(clips, maxFrames, json, out, err);
  }

  /** The labelled clips of {@code folder} with the best frame source available (see the class comment). */
  static List<Clip> clips(Path folder, boolean ffmpeg, PrintStream err) {
    var clips = new ArrayList<Clip>();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.sorted().toList();
      for (Path labels : all) {
        String file = labels.getFileName().toString();
        if (!file.endsWith("_ideal.csv")) continue;
        String name = file.substring(0, file.length() - "_ideal.csv".length());
        Optional<Path> video = all.stream().filter(p -> isVideo(p, name)).findFirst();
        Optional<Path> mjpeg = all.stream()
            .filter(p -> p.getFileName().toString().startsWith(name) && p.getFileName().toString().endsWith(".mjpeg"))
            .findFirst();
        Path frames = ffmpeg && video.isPresent() ? video.get() : mjpeg.orElse(null);
        if (frames == null) {
          err.println("sightline eval: skipping " + name + ": " + (video.isPresent()
              ? "its video needs ffmpeg on the PATH and there is no " + name + "*.mjpeg" : "no frames found"));
          continue;
        }
        clips.add(new Clip(name, frames, labels(labels)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    return clips;
  }

  private static boolean isVideo(Path p, String clip) {
    String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return f.startsWith(clip.toLowerCase(Locale.ROOT) + ".")
        && Stream.of(".avi", ".mp4", ".webm", ".mkv", ".mov").anyMatch(f::endsWith);
  }

  /** One label per non-blank line: {@code 1} closed, {@code 0} open; a leading byte-order mark is ignored. */
  static List<Boolean> labels(Path file) {
    try {
      var out = new ArrayList<Boolean>();
      int line = 0;
      for (String s : Files.readAllLines(file)) {
        line++;
        String v = s.replace("\uFEFF", "").trim();   // one upstream file starts with a byte-order mark
        if (v.isEmpty()) continue;
        switch (v) {
          case "1" -> out.add(true);
          case "0" -> out.add(false);
          default -> throw new IllegalArgumentException(file + " line " + line + ": expected 0 or 1, was " + v);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * @param closedMeans mean of the two eyes' closed probabilities: sum and count over frames labelled closed, then
   *                    over frames labelled open (shows which way the model's class 0 points)
   */
  private record ClipResult(String name, String source, int frames, int labels, int withoutFace, BinaryAgreement agreement,
      double[] closedMeans) {

    double meanWhenClosed() {
      return closedMeans[1] == 0 ? Double.NaN : closedMeans[0] / closedMeans[1];
    }

    double meanWhenOpen() {
      return closedMeans[3] == 0 ? Double.NaN : closedMeans[2] / closedMeans[3];
    }
  }

  private static int run(List<Clip> clips, int maxFrames, boolean json, PrintStream out, PrintStream err) {
    long started = System.nanoTime();
    int total = clips.stream().mapToInt(c -> Math.min(c.closed().size(), maxFrames)).sum();
    var progress = new EvalCommand.Progress(err, total);
    var results = new ArrayList<ClipResult>();
    var decoder = ImageDecoder.withDefaults();
    int done = 0;
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.EYES)))) {
      for (Clip clip : clips) {
        var agreement = BinaryAgreement.EMPTY;
        int frames = 0, withoutFace = 0;
        double[] closedMeans = new double[4];
        int limit = Math.min(clip.closed().size(), maxFrames);
        try (var video = VideoFrames.open(clip.frames())) {
          byte[] jpeg;
          while (frames < limit && (jpeg = video.next()) != null) {
            boolean labelled = clip.closed().get(frames);
            frames++;
            DetectedFace face = null;
            try {
              face = analyzer.analyze(decoder.decode(jpeg)).stream()
                  .max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
            } catch (ImageRejected e) {
              err.println("sightline eval: " + clip.name() + " frame " + (frames - 1) + ": " + e.getMessage());
            }
            if (face == null || face.eyes() == null) {
              withoutFace++;
            } else {
              EyeStates eyes = face.eyes();
              agreement = agreement.plus(labelled, eyes.bothClosed());
              int base = labelled ? 0 : 2;
              closedMeans[base] += (eyes.leftClosedProbability() + eyes.rightClosedProbability()) / 2;
              closedMeans[base + 1]++;
            }
            progress.update(++done);
          }
        }
        if (frames != clip.closed().size() && frames < maxFrames) {
          err.printf(Locale.ROOT, "%nsightline eval: %s has %d labels but %s gave %d frames; the first %d are used%n",
              clip.name(), clip.closed().size(), clip.frames().getFileName(), frames, frames);
        }
        results.add(new ClipResult(clip.name(), clip.frames().getFileName().toString(), frames,
            clip.closed().size(), withoutFace, agreement, closedMeans));
      }
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    var all = results.stream().map(ClipResult::agreement).reduce(BinaryAgreement.EMPTY, BinaryAgreement::plus);
    double[] allMeans = new double[4];
    results.forEach(r -> {
      for (int i = 0; i < 4; i++) allMeans[i] += r.closedMeans()[i];
    });
    var pooled = new ClipResult("all", "", 0, 0, 0, all, allMeans);
    int allFrames = results.stream().mapToInt(ClipResult::frames).sum();
    int allWithoutFace = results.stream().mapToInt(ClipResult::withoutFace).sum();

    if (json) {
      var figures = new LinkedHashMap<String, Object>();
      for (ClipResult r : results) {
        figures.put(r.name() + ".source", r.source());
        put(figures, r.name() + ".", r.frames(), r.withoutFace(), r.agreement(), r);
      }
      put(figures, "", allFrames, allWithoutFace, all, pooled);
      figures.put("seconds", seconds);
      out.println(EvalCommand.toJson(figures));
      return 0;
    }
    out.println("Eye state (fr_eye, closed = both eyes closed) against per-frame blink labels");
    out.printf(Locale.ROOT, "  %-28s %6s %7s %7s %4s %4s %4s %5s %8s %8s %9s %7s %6s %13s%n", "clip (frames from)", "frames",
        "no face", "closed", "TP", "FP", "FN", "TN", "accuracy", "baseline", "precision", "recall", "F1", "p0 closed/open");
    for (ClipResult r : results) {
      row(out, r.name() + " (" + extension(r.source()) + ")", r.frames(), r.withoutFace(), r.agreement(), r);
    }
    row(out, "all", allFrames, allWithoutFace, all, pooled);
    out.println("  baseline: accuracy of always answering \"open\" on the same frames; frames without a face are left out");
    out.println("  p0 closed/open: mean class-0 probability of fr_eye on frames labelled closed / open");
    out.printf(Locale.ROOT, "  time %.1f s (%.1f ms per frame)%n", seconds, 1000 * seconds / Math.max(1, allFrames));
    return 0;
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(dot + 1);
  }

  private static void row(PrintStream out, String label, int frames, int withoutFace, BinaryAgreement a, ClipResult r) {
    out.printf(Locale.ROOT, "  %-28s %6d %7d %7d %4d %4d %4d %5d %7.2f%% %7.2f%% %8.1f%% %6.1f%% %6.3f %6.2f/%.2f%n",
        label, frames, withoutFace, a.labelledYes(), a.truePositives(), a.falsePositives(), a.falseNegatives(),
        a.trueNegatives(), 100 * a.accuracy(), 100 * a.majorityAccuracy(), 100 * a.precision(), 100 * a.recall(), a.f1(),
        r.meanWhenClosed(), r.meanWhenOpen());
  }

  private static void put(Map<String, Object> figures, String prefix, int frames, int withoutFace, BinaryAgreement a,
      ClipResult r) {
    figures.put(prefix + "meanClosedProbabilityWhenClosed", r.meanWhenClosed());
    figures.put(prefix + "meanClosedProbabilityWhenOpen", r.meanWhenOpen());
    figures.put(prefix + "frames", frames);
    figures.put(prefix + "framesWithoutFace", withoutFace);
    figures.put(prefix + "closedFrames", a.labelledYes());
    figures.put(prefix + "truePositives", a.truePositives());
    figures.put(prefix + "falsePositives", a.falsePositives());
    figures.put(prefix + "falseNegatives", a.falseNegatives());
    figures.put(prefix + "trueNegatives", a.trueNegatives());
    figures.put(prefix + "accuracy", a.accuracy());
    figures.put(prefix + "alwaysOpenAccuracy", a.majorityAccuracy());
    figures.put(prefix + "precision", a.precision());
    figures.put(prefix + "recall", a.recall());
    figures.put(prefix + "f1", a.f1());
  }
}
