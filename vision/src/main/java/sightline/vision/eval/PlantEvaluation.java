package sightline.vision.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.classify.ClassifierMetadata;
import sightline.vision.classify.ImageClassifier;
import sightline.vision.classify.RejectRule;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.model.ModelStore;

/**
 * {@code eval plants}: a plant-disease classifier (by default the bundled one) on a folder-per-class dataset,
 * optionally restricted to one part of a split file: top-1, top-5, per-class accuracy, the confusion matrix, and
 * what its reject rule does to those leaves. Then the "not a leaf" rate on pictures that are not leaves: the
 * face-api demo photos of the model manifest (whole, and each face found in them cropped loosely), generated blank
 * and random pictures, and optionally a folder of other photos ({@code --others}, e.g. LFW). Finally decode +
 * classify latency on one thread.
 */
final class PlantEvaluation {

  static final String MODEL = "plant_disease";
  static final String METADATA = "plant_disease_metadata";
  static final List<String> FACE_PHOTOS = List.of("sample1", "sample2", "sample3", "sample4", "sample5", "sample6");
  static final long GENERATED_SEED = 20261122L;

  private PlantEvaluation() {
  }

  /** Parses {@code plants --dataset DIR [--split FILE] [--part P] [--model FILE] [--others DIR] [--max-others N]
   * [--min-top1 X] [--iterations N] [--json]} and runs it. */
  static int command(String[] args, PrintStream out, PrintStream err) {
    Path dataset = null;
    Path split = null;
    String part = "test";
    Path model = null;
    Path others = null;
    int maxOthers = 1000;
    double minTop1 = Double.NaN;
    int iterations = 200;
    boolean json = false;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = Path.of(args[++i]);
          case "--split" -> split = Path.of(args[++i]);
          case "--part" -> part = args[++i];
          case "--model" -> model = Path.of(args[++i]);
          case "--others" -> others = Path.of(args[++i]);
          case "--max-others" -> maxOthers = Integer.parseInt(args[++i]);
          case "--min-top1" -> minTop1 = Double.parseDouble(args[++i]);
          case "--iterations" -> iterations = Integer.parseInt(args[++i]);
          case "--json" -> json = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataset == null) throw new IllegalArgumentException("--dataset DIR is required");
      if (iterations < 10) throw new IllegalArgumentException("--iterations must be at least 10");
      if (maxOthers < 1) throw new IllegalArgumentException("--max-others must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    if (!Files.isDirectory(dataset)) {
      err.println("sightline eval: no dataset folder at " + dataset);
      return 2;
    }
    if (split != null && !Files.isRegularFile(split)) {
      err.println("sightline eval: no split file at " + split);
      return 2;
    }
    ModelStore store = ModelStore.atDefaultLocation();
    Path metadata = model;
    if (metadata == null) {
      store.verifiedPath(MODEL);
      metadata = store.verifiedPath(METADATA);
    }
    try (var classifier = ImageClassifier.load(metadata)) {
      return run(classifier, dataset, split, part, others, maxOthers, minTop1, iterations, json, store, out, err);
    }
  }

  static int run(ImageClassifier classifier, Path dataset, @Nullable Path split, String part, @Nullable Path others,
      int maxOthers, double minTop1, int iterations, boolean json, ModelStore store, PrintStream out,
      PrintStream err) {
    ClassifierMetadata meta = classifier.metadata();
    RejectRule rule = meta.reject();
    List<ClassFolders.Entry> entries = ClassFolders.read(dataset, split, part);
    var unknown = new LinkedHashMap<String, Integer>();
    var known = new ArrayList<ClassFolders.Entry>();
    for (ClassFolders.Entry e : entries) {
      if (meta.labels().contains(e.label())) {
        known.add(e);
      } else {
        unknown.merge(e.label(), 1, Integer::sum);
      }
    }
    if (known.isEmpty()) {
      err.println("sightline eval: no pictures of the model's classes under " + dataset
          + (split == null ? "" : " in part " + part + " of " + split) + "; class folders are matched to labels"
          + " as slugs (lower case, other characters as '_')");
      return 2;
    }
    var decoder = ImageDecoder.withDefaults();
    var stats = new ClassificationStats(meta.labels(), rule);
    var unreadable = new ArrayList<String>();
    var progress = new EvalCommand.Progress(err, known.size());
    long started = System.nanoTime();
    try {
      int done = 0;
      for (ClassFolders.Entry e : known) {
        try {
          stats.add(meta.labels().indexOf(e.label()), classifier.classify(decoder.decode(e.image())));
        } catch (ImageRejected | UncheckedIOException ex) {
          unreadable.add(dataset.relativize(e.image()) + ": " + ex.getMessage());
        }
        progress.update(++done);
      }
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Integer> leafClasses = IntStream.range(0, meta.labels().size())
        .filter(i -> !rule.labels().contains(meta.labels().get(i))).boxed().toList();
    List<Integer> rejectClasses = IntStream.range(0, meta.labels().size())
        .filter(i -> rule.labels().contains(meta.labels().get(i))).boxed().toList();

    // Pictures that are not leaves: each must be turned away by the reject rule.
    var notLeaves = new LinkedHashMap<String, int[]>();   // kind -> {rejected, total}
    var faceImages = new ArrayList<Image>();
    var faceCrops = new ArrayList<Image>();
    try (var faces = FaceAnalyzer.load(store, FaceAnalyzer.Options.detectionOnly())) {
      for (String name : FACE_PHOTOS) {
        Image photo = decoder.decode(store.verifiedPath(name));
        faceImages.add(photo);
        for (DetectedFace face : faces.analyze(photo)) {
          faceCrops.add(looseCrop(photo, face.box()));
        }
      }
    }
    notLeaves.put("face-api demo photos (whole)", count(classifier, rule, faceImages));
    notLeaves.put("faces cropped from them", count(classifier, rule, faceCrops));
    NonLeafImages.generate(50, GENERATED_SEED).forEach((kind, images) ->
        notLeaves.put("generated " + kind, count(classifier, rule, images)));
    if (others != null) {
      List<Image> photos = readOthers(others, maxOthers, decoder);
      notLeaves.put("other photos in " + others, count(classifier, rule, photos));
    }

    byte[] sample;
    try {
      sample = Files.readAllBytes(known.getFirst().image());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Image decodedSample = decoder.decode(sample);
    var speed = new LinkedHashMap<String, Object>();
    SpeedCheck.measure(speed, "classifyMs", iterations, () -> classifier.classify(decodedSample));
    SpeedCheck.measure(speed, "decodePlusClassifyMs", iterations, () -> classifier.classify(decoder.decode(sample)));

    var figures = new LinkedHashMap<String, Object>();
    figures.put("dataset", dataset.toString());
    figures.put("split", split == null ? "(all pictures)" : split + " part " + part);
    figures.put("model", meta.version().isEmpty() ? "(no version)" : meta.version());
    figures.put("images", stats.images());
    figures.put("top1", stats.top1());
    figures.put("top5", stats.top5());
    figures.put("leavesAnsweredCorrectly", stats.answeredCorrectly(leafClasses));
    figures.put("leavesRejected", stats.rejected(leafClasses));
    if (!rejectClasses.isEmpty()) {
      figures.put("rejectClassRejected", stats.rejected(rejectClasses));
    }
    for (ClassificationStats.PerClass c : stats.perClass()) {
      figures.put("top1." + c.label(), c.top1());
    }
    notLeaves.forEach((kind, counts) -> figures.put("notALeaf." + kind, (double) counts[0] / counts[1]));
    int[] generated = notLeaves.entrySet().stream().filter(e -> e.getKey().startsWith("generated"))
        .map(Map.Entry::getValue).reduce(new int[2], (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
    figures.put("notALeafGenerated", (double) generated[0] / generated[1]);
    figures.putAll(speed);
    figures.put("seconds", seconds);

    if (json) {
      out.println(EvalCommand.toJson(figures));
    } else {
      print(out, figures, stats, meta, rule, notLeaves, speed, unknown, unreadable, sample.length, decodedSample);
    }
    if (!Double.isNaN(minTop1) && stats.top1() < minTop1) {
      err.printf(Locale.ROOT, "sightline eval: top-1 %.4f is below the required %.4f%n", stats.top1(), minTop1);
      return 1;
    }
    return 0;
  }

  private static void print(PrintStream out, Map<String, Object> figures, ClassificationStats stats,
      ClassifierMetadata meta, RejectRule rule, Map<String, int[]> notLeaves, Map<String, Object> speed,
      Map<String, Integer> unknown, List<String> unreadable, int sampleBytes, Image sample) {
    out.printf(Locale.ROOT, "Plant classifier %s on %s, %s%n", figures.get("model"), figures.get("dataset"),
        figures.get("split"));
    out.printf(Locale.ROOT, "  %-28s %d%n", "pictures", stats.images());
    out.printf(Locale.ROOT, "  %-28s %.2f%%%n", "top-1", 100 * stats.top1());
    out.printf(Locale.ROOT, "  %-28s %.2f%%%n", "top-5", 100 * stats.top5());
    out.printf(Locale.ROOT, "  %-28s reject classes %s, min probability %.2f, min margin %.2f%n", "reject rule",
        rule.labels(), rule.minProbability(), rule.minMargin());
    out.printf(Locale.ROOT, "  %-28s %.2f%% answered with the right class, %.2f%% turned away as not sure%n",
        "leaves with the rule", 100 * (double) figures.get("leavesAnsweredCorrectly"),
        100 * (double) figures.get("leavesRejected"));
    if (figures.containsKey("rejectClassRejected")) {
      out.printf(Locale.ROOT, "  %-28s %.2f%% turned away%n", "reject-class pictures",
          100 * (double) figures.get("rejectClassRejected"));
    }
    out.println();
    out.printf(Locale.ROOT, "  %-3s %-44s %6s %8s %8s %9s%n", "#", "class", "images", "top-1", "top-5", "rejected");
    List<ClassificationStats.PerClass> perClass = stats.perClass();
    for (int i = 0; i < perClass.size(); i++) {
      var c = perClass.get(i);
      out.printf(Locale.ROOT, "  %-3s %-44s %6d %7.1f%% %7.1f%% %8.1f%%%n", "c" + i, c.label(), c.images(),
          100 * c.top1(), 100 * c.top5(), 100 * c.rejected());
    }
    out.println();
    out.println("  confusion matrix (rows: true class, columns: best class)");
    out.print("        ");
    for (int j = 0; j < perClass.size(); j++) {
      out.printf(Locale.ROOT, "%4s", "c" + j);
    }
    out.println();
    int[][] confusion = stats.confusion();
    for (int i = 0; i < confusion.length; i++) {
      out.printf(Locale.ROOT, "  %-5s ", "c" + i);
      for (int v : confusion[i]) {
        out.printf(Locale.ROOT, "%4s", v == 0 ? "." : Integer.toString(v));
      }
      out.println();
    }
    out.println();
    out.println("  not a leaf (turned away by the reject rule)");
    notLeaves.forEach((kind, counts) -> out.printf(Locale.ROOT, "    %-44s %4d / %-4d %6.1f%%%n", kind, counts[0],
        counts[1], 100.0 * counts[0] / counts[1]));
    out.println();
    out.printf(Locale.ROOT, "  one thread, %dx%d JPEG of %d bytes, to a %dx%d input%n", sample.width(),
        sample.height(), sampleBytes, meta.width(), meta.height());
    speed.forEach((key, value) -> out.printf(Locale.ROOT, "    %-26s %s%n", key.replace("Ms", ""), value));
    out.printf(Locale.ROOT, "  time %.1f s for the dataset%n", (double) figures.get("seconds"));
    if (!unknown.isEmpty()) {
      out.println("  class folders the model does not know (left out): " + unknown);
    }
    if (!unreadable.isEmpty()) {
      out.println("  pictures that could not be read (left out, first 10):");
      unreadable.stream().limit(10).forEach(u -> out.println("    " + u));
    }
  }

  private static int[] count(ImageClassifier classifier, RejectRule rule, List<Image> images) {
    int rejected = 0;
    for (Image image : images) {
      if (!rule.accepts(classifier.classify(image))) {
        rejected++;
      }
    }
    return new int[] {rejected, images.size()};
  }

  /** A square around the face, twice its larger side (head, hair and some background), clipped to the photo. */
  static Image looseCrop(Image photo, BoundingBox face) {
    double side = 2 * Math.max(face.width(), face.height());
    var centre = face.centre();
    BoundingBox box = new BoundingBox(centre.x() - side / 2, centre.y() - side / 2, centre.x() + side / 2,
        centre.y() + side / 2).clippedTo(photo.width(), photo.height());
    int left = (int) Math.floor(box.left());
    int top = (int) Math.floor(box.top());
    int w = Math.max(1, (int) Math.ceil(box.right()) - left);
    int h = Math.max(1, (int) Math.ceil(box.bottom()) - top);
    byte[] rgb = new byte[w * h * 3];
    byte[] row = new byte[photo.width() * 3];
    for (int y = 0; y < h; y++) {
      photo.copyRow(top + y, row, 0);
      System.arraycopy(row, left * 3, rgb, y * w * 3, w * 3);
    }
    return new Image(w, h, rgb);
  }

  private static List<Image> readOthers(Path folder, int max, ImageDecoder decoder) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
      }).sorted().limit(max).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    var images = new ArrayList<Image>();
    for (Path f : files) {
      try {
        images.add(decoder.decode(f));
      } catch (ImageRejected | UncheckedIOException e) {
        // an unreadable picture is neither a leaf nor a non-leaf: left out
      }
    }
    return images;
  }
}
