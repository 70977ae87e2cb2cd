package sightline.vision.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.HeadPose;
import sightline.vision.model.ModelStore;

/**
 * {@code eval pose}: attentive against looking-away agreement of {@code fr_pose} head pose with frame labels, on
 * {@code shared/datasets/video/intel-headpose-gifs}. A face is predicted attentive when
 * {@link HeadPose#isFacingCamera(double)} holds for {@code --max-degrees} (default 25: |yaw| and |pitch| at most
 * 25 degrees).
 *
 * <h2>How the frames were labelled</h2>
 * The clips come without labels. We labelled the {@code *_480x270_30fps.mjpeg} versions (the GIFs resampled to
 * 30 fps, 0-based frame numbers) by looking at every frame on 2026-11-22; the ranges are in the resource
 * {@code intel-headpose-labels.csv} next to this class (override with {@code --labels FILE}, same columns):
 * <ul>
 *   <li>female (57 frames): 0–18 away (looking up and to the image's left), 19–22 unsure (turning back), 23–29
 *       attentive, 30 unsure, 31–40 away (head and eyes turned to the image's right), 41–43 unsure, 44–56
 *       attentive.</li>
 *   <li>male (155 frames): all attentive (looks into the camera, smiling).</li>
 *   <li>female-and-male (140 frames, two faces): 0–5 unsure (she glances aside), 6–139 attentive for both: they
 *       tilt their heads towards a shoulder (roll) while still facing the camera, and roll alone is not looking
 *       away.</li>
 * </ul>
 * "Unsure" frames are left out. A label applies to every face found in the frame; a frame without a face is
 * counted apart and left out. These are three short clips of two people: a sanity check, not an accuracy figure.
 */
final class PoseEvaluation {

  static final double DEFAULT_MAX_DEGREES = 25;

  private PoseEvaluation() {
  }

  /** One labelled frame range; {@code attentive} is null for "unsure". */
  record Range(String clip, int first, int last, @Nullable Boolean attentive) {
  }

  /** Parses {@code pose --dataset DIR [--json] [--max-degrees D] [--labels FILE]} and runs it. */
  static int command(String[] args, PrintStream out, PrintStream err) {
    Path dataset = null;
    Path labelFile = null;
    boolean json = false;
    double maxDegrees = DEFAULT_MAX_DEGREES;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = Path.of(args[++i]);
          case "--labels" -> labelFile = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--max-degrees" -> maxDegrees = Double.parseDouble(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataset == null) throw new IllegalArgumentException("--dataset DIR is required");
      if (!(maxDegrees > 0 && maxDegrees <= 90)) throw new IllegalArgumentException("--max-degrees must be in (0, 90]");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    return run(dataset, labels(labelFile), maxDegrees, json, out, err);
  }

  /** The frame labels of {@code file}, or the ones shipped with Sightline when it is null. */
  static List<Range> labels(@Nullable Path file) {
    try (var reader = file != null ? Files.newBufferedReader(file)
        : new BufferedReader(new InputStreamReader(java.util.Objects.requireNonNull(
            PoseEvaluation.class.getResourceAsStream("intel-headpose-labels.csv")), StandardCharsets.UTF_8))) {
      return ranges(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pose labels", e);
    }
  }

  /** Parses {@code clip,first_frame,last_frame,label} lines; {@code #} comments, blank lines and the header skipped. */
  static List<Range> ranges(List<String> lines) {
    var out = new ArrayList<Range>();
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || s.startsWith("clip,")) continue;
      String[] f = s.split(",");
      if (f.length != 4) throw new IllegalArgumentException("expected clip,first_frame,last_frame,label: " + s);
      Boolean attentive = switch (f[3].strip()) {
        case "attentive" -> Boolean.TRUE;
        case "away" -> Boolean.FALSE;
        case "unsure" -> null;
        default -> throw new IllegalArgumentException("label must be attentive, away or unsure: " + s);
      };
      int first = Integer.parseInt(f[1].strip());
      int last = Integer.parseInt(f[2].strip());
      if (first < 0 || last < first) throw new IllegalArgumentException("bad frame range: " + s);
      out.add(new Range(f[0].strip(), first, last, attentive));
    }
    return List.copyOf(out);
  }

  /** The range holding {@code frame} of {@code clip}, or null when no range covers it. */
  static @Nullable Range rangeOf(List<Range> ranges, String clip, int frame) {
    for (Range r : ranges) {
      if (r.clip().equals(clip) && frame >= r.first() && frame <= r.last()) return r;
    }
    return null;
  }

  private record ClipResult(String clip, int frames, int labelledFrames, int withoutFace, BinaryAgreement agreement,
      double[] sums) {
  }

  private static int run(Path dataset, List<Range> ranges, double maxDegrees, boolean json, PrintStream out,
      PrintStream err) {
    List<String> clips = ranges.stream().map(Range::clip).distinct()
        .filter(c -> Files.isRegularFile(dataset.resolve(c))).toList();
    if (clips.isEmpty()) {
      err.println("sightline eval: none of the labelled clips is in " + dataset);
      return 2;
    }
    int total = clips.stream().mapToInt(c -> ranges.stream().filter(r -> r.clip().equals(c))
        .mapToInt(Range::last).max().orElse(0) + 1).sum();
    var progress = new EvalCommand.Progress(err, total);
    var decoder = ImageDecoder.withDefaults();
    var results = new ArrayList<ClipResult>();
    long started = System.nanoTime();
    int done = 0;
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.POSE)))) {
      for (String clip : clips) {
        var agreement = BinaryAgreement.EMPTY;
        // |yaw| and |pitch| sums per label, to show how far apart the two groups are: attentive then away.
        double[] sums = new double[6];
        int frames = 0, labelled = 0, withoutFace = 0;
        try (var video = VideoFrames.open(dataset.resolve(clip))) {
          byte[] jpeg;
          while ((jpeg = video.next()) != null) {
            int frame = frames++;
            Range range = rangeOf(ranges, clip, frame);
            if (range != null && range.attentive() != null) {
              labelled++;
              List<DetectedFace> faces = List.of();
              try {
                faces = analyzer.analyze(decoder.decode(jpeg));
              } catch (ImageRejected e) {
                err.println("sightline eval: " + clip + " frame " + frame + ": " + e.getMessage());
              }
              if (faces.isEmpty()) withoutFace++;
              for (DetectedFace face : faces) {
                HeadPose pose = java.util.Objects.requireNonNull(face.pose());
                boolean attentive = range.attentive();
                agreement = agreement.plus(attentive, pose.isFacingCamera(maxDegrees));
                int base = attentive ? 0 : 3;
                sums[base] += Math.abs(pose.yawDegrees());
                sums[base + 1] += Math.abs(pose.pitchDegrees());
                sums[base + 2]++;
              }
            }
            progress.update(Math.min(total, ++done));
          }
        }
        results.add(new ClipResult(clip, frames, labelled, withoutFace, agreement, sums));
      }
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    var all = results.stream().map(ClipResult::agreement).reduce(BinaryAgreement.EMPTY, BinaryAgreement::plus);
    double[] allSums = new double[6];
    results.forEach(r -> {
      for (int i = 0; i < 6; i++) allSums[i] += r.sums()[i];
    });
    int allLabelled = results.stream().mapToInt(ClipResult::labelledFrames).sum();
    int allWithoutFace = results.stream().mapToInt(ClipResult::withoutFace).sum();

    if (json) {
      var figures = new LinkedHashMap<String, Object>();
      figures.put("maxDegrees", maxDegrees);
      for (ClipResult r : results) {
        put(figures, shortName(r.clip()) + ".", r.labelledFrames(), r.withoutFace(), r.agreement(), r.sums());
      }
      put(figures, "", allLabelled, allWithoutFace, all, allSums);
      figures.put("seconds", seconds);
      out.println(EvalCommand.toJson(figures));
      return 0;
    }
    out.printf(Locale.ROOT, "Head pose (fr_pose): attentive = |yaw| and |pitch| <= %.0f degrees, against frame labels%n",
        maxDegrees);
    out.printf(Locale.ROOT, "  %-16s %7s %7s %6s %5s %5s %9s %9s %9s %15s %15s%n", "clip", "frames", "no face", "faces",
        "att.", "away", "agreement", "att. rec.", "away rec.", "att. |yaw|,|p|", "away |yaw|,|p|");
    for (ClipResult r : results) {
      row(out, shortName(r.clip()), r.labelledFrames(), r.withoutFace(), r.agreement(), r.sums());
    }
    row(out, "all", allLabelled, allWithoutFace, all, allSums);
    out.println("  frames: labelled attentive or away (unsure frames left out); faces: judged faces; att./away: labels;");
    out.println("  att. rec. / away rec.: share of attentive / away faces the pose put on the same side;");
    out.println("  last columns: mean |yaw|, |pitch| in degrees of the faces labelled attentive / away");
    out.printf(Locale.ROOT, "  time %.1f s%n", seconds);
    return 0;
  }

  private static String shortName(String clip) {
    return clip.replace("head-pose-face-detection-", "").replace("_480x270_30fps.mjpeg", "");
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String means(double[] sums, int base) {
    return sums[base + 2] == 0 ? "-" : String.format(Locale.ROOT, "%.1f, %.1f", sums[base] / sums[base + 2],
        sums[base + 1] / sums[base + 2]);
  }

  private static void row(PrintStream out, String label, int frames, int withoutFace, BinaryAgreement a, double[] sums) {
    out.printf(Locale.ROOT, "  %-16s %7d %7d %6d %5d %5d %9s %9s %9s %15s %15s%n", label, frames, withoutFace,
        a.total(), a.labelledYes(), a.total() - a.labelledYes(), percent(a.accuracy()), percent(a.recall()),
        percent(a.specificity()), means(sums, 0), means(sums, 3));
  }

  private static void put(Map<String, Object> figures, String prefix, int frames, int withoutFace, BinaryAgreement a,
      double[] sums) {
    figures.put(prefix + "labelledFrames", frames);
    figures.put(prefix + "framesWithoutFace", withoutFace);
    figures.put(prefix + "faces", a.total());
    figures.put(prefix + "attentiveFaces", a.labelledYes());
    figures.put(prefix + "awayFaces", a.total() - a.labelledYes());
    figures.put(prefix + "agreement", a.accuracy());
    figures.put(prefix + "attentiveRecall", a.recall());
    figures.put(prefix + "awayRecall", a.specificity());
    figures.put(prefix + "attentiveMeanAbsYaw", sums[2] == 0 ? Double.NaN : sums[0] / sums[2]);
    figures.put(prefix + "attentiveMeanAbsPitch", sums[2] == 0 ? Double.NaN : sums[1] / sums[2]);
    figures.put(prefix + "awayMeanAbsYaw", sums[5] == 0 ? Double.NaN : sums[3] / sums[5]);
    figures.put(prefix + "awayMeanAbsPitch", sums[5] == 0 ? Double.NaN : sums[4] / sums[5]);
  }
}
