package sightline.vision.eval;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.Liveness;
import sightline.vision.model.ModelStore;

/**
 * {@code eval liveness}: passive liveness ({@code fr_liveness}) on an anti-spoofing folder read by
 * {@link LabelledImages}. Per image the largest detected face is judged (the person presenting to the camera);
 * an image without a face is never accepted (see {@link LivenessStats}). Prints APCER per attack type, BPCER and
 * ACER at the chosen threshold, and the threshold that keeps BPCER at or under 5% with its APCERs.
 */
final class LivenessEvaluation {

  static final double BPCER_BUDGET = 0.05;

  private LivenessEvaluation() {
  }

  /** Parses {@code liveness --dataset DIR [--json] [--threshold T] [--split S]} and runs it. */
  static int command(String[] args, PrintStream out, PrintStream err) {
    Path dataset = null;
    boolean json = false;
    double threshold = Liveness.DEFAULT_THRESHOLD;
    String split = null;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--threshold" -> threshold = Double.parseDouble(args[++i]);
          case "--split" -> split = args[++i];
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataset == null) throw new IllegalArgumentException("--dataset DIR is required");
      if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("--threshold must be in [0, 1]");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    if (!java.nio.file.Files.isRegularFile(dataset.resolve("labels.csv"))) {
      err.println("sightline eval: no labels.csv in " + dataset);
      return 2;
    }
    return run(dataset, json, threshold, split, out, err);
  }

  static int run(Path folder, boolean json, double threshold, @Nullable String split, PrintStream out, PrintStream err) {
    List<LabelledImages.Entry> entries = LabelledImages.read(folder).stream()
        .filter(e -> split == null || split.equals(e.split())).toList();
    if (entries.isEmpty()) {
      err.println("sightline eval: no images" + (split == null ? "" : " in split " + split) + " under " + folder);
      return 2;
    }
    long started = System.nanoTime();
    var samples = new ArrayList<LivenessStats.Sample>();
    var noFace = new ArrayList<String>();
    var decoder = ImageDecoder.withDefaults();
    var progress = new EvalCommand.Progress(err, entries.size());
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.LIVENESS)).withLivenessThreshold(threshold))) {
      for (LabelledImages.Entry entry : entries) {
        double score = Double.NaN;
        try {
          Image image = decoder.decode(entry.image());
          DetectedFace face = analyzer.analyze(image).stream()
              .max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
          if (face != null) {
            score = java.util.Objects.requireNonNull(face.liveness()).liveScore();
          } else {
            noFace.add(folder.relativize(entry.image()) + " (" + entry.attackType() + ")");
          }
        } catch (ImageRejected | UncheckedIOException e) {
          noFace.add(folder.relativize(entry.image()) + " (" + e.getMessage() + ")");
        }
        samples.add(new LivenessStats.Sample(entry.attackType(), score));
        progress.update(samples.size());
      }
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    var chosen = LivenessStats.at(samples, threshold);
    var budget = LivenessStats.at(samples, LivenessStats.thresholdForBpcer(samples, BPCER_BUDGET));

    if (json) {
      var figures = new LinkedHashMap<String, Object>();
      figures.put("dataset", folder.toString());
      if (split != null) figures.put("split", split);
      figures.put("images", samples.size());
      figures.put("bonaFide", chosen.bpcer().total());
      figures.put("attacks", chosen.pooledApcer().total());
      figures.put("imagesWithoutFace", noFace.size());
      put(figures, "", chosen);
      put(figures, "atBpcer5.", budget);
      figures.put("seconds", seconds);
      out.println(EvalCommand.toJson(figures));
      return 0;
    }
    out.printf(Locale.ROOT, "Passive liveness (fr_liveness) on %s%s%n", folder, split == null ? "" : " split " + split);
    out.printf(Locale.ROOT, "  %d images: %d bona fide, %d attacks; %d without a face (never accepted)%n",
        samples.size(), chosen.bpcer().total(), chosen.pooledApcer().total(), noFace.size());
    table(out, "at the chosen threshold", chosen);
    table(out, "at the highest threshold with BPCER <= " + Math.round(100 * BPCER_BUDGET) + "%", budget);
    out.printf(Locale.ROOT, "  time %.1f s (%.0f ms per image)%n", seconds, 1000 * seconds / samples.size());
    if (!noFace.isEmpty()) {
      out.println("  images without a face (first 10):");
      noFace.stream().limit(10).forEach(n -> out.println("    " + n));
    }
    return 0;
  }

  private static void put(LinkedHashMap<String, Object> figures, String prefix, LivenessStats.Report report) {
    figures.put(prefix + "threshold", report.threshold());
    report.apcerByType().forEach((type, rate) -> {
      figures.put(prefix + "apcer." + type, rate.value());
      figures.put(prefix + "accepted." + type, rate.errors());
    });
    figures.put(prefix + "apcerMax", report.maxApcer());
    figures.put(prefix + "apcerPooled", report.pooledApcer().value());
    figures.put(prefix + "bpcer", report.bpcer().value());
    figures.put(prefix + "rejectedBonaFide", report.bpcer().errors());
    figures.put(prefix + "acer", report.acer());
  }

  private static void table(PrintStream out, String title, LivenessStats.Report report) {
    out.printf(Locale.ROOT, "%n  %s: threshold %.4f%n", title, report.threshold());
    out.printf(Locale.ROOT, "    %-22s %8s %9s %8s%n", "attack type", "attacks", "accepted", "APCER");
    report.apcerByType().forEach((type, rate) ->
        out.printf(Locale.ROOT, "    %-22s %8d %9d %7.1f%%%n", type, rate.total(), rate.errors(), 100 * rate.value()));
    var pooled = report.pooledApcer();
    out.printf(Locale.ROOT, "    %-22s %8d %9d %7.1f%%%n", "all attacks (pooled)", pooled.total(), pooled.errors(),
        100 * pooled.value());
    out.printf(Locale.ROOT, "    %-22s %8s %9s %7.1f%%%n", "APCER (worst type)", "", "", 100 * report.maxApcer());
    out.printf(Locale.ROOT, "    %-22s %8d %9s %7.1f%%  (%d rejected)%n", "BPCER", report.bpcer().total(), "",
        100 * report.bpcer().value(), report.bpcer().errors());
    out.printf(Locale.ROOT, "    %-22s %8s %9s %7.1f%%%n", "ACER", "", "", 100 * report.acer());
  }
}
