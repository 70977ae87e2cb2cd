package sightline.vision.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.Point;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.model.ModelStore;

/**
 * {@code ./sightline eval ...}: evaluation tools of the vision library. Exit status 0 on success, 1 when a
 * {@code --min-accuracy} gate fails, 2 on a usage error.
 *
 * <pre>
 * eval faces --pairs FILE [--json] [--far 1e-3] [--roc out.png] [--threads N] [--min-accuracy 0.985]
 * eval liveness --datasets DIR [--json] [--fit] [--target-bpcer 0.05] [--session-frames 20] [--threads N]
 * eval liveness --dataset DIR [--json] [--threshold T] [--split train|test]
 * eval mean-face --images DIR
 * eval eyes --dataset DIR [--json] [--max-frames N]
 * eval pose --dataset DIR [--json] [--max-degrees D]
 * eval attention --dataset DIR [--json] [--frames FILE.csv] [--cone D] [--eyes-closed-below X] [--detect-every N] [--pose-model]
 * eval pose-fit --images DIR [--limit N] [--out FILE]
 * eval speed [--image FILE] [--iterations N] [--video FILE] [--students N] [--json]
 * eval plants --dataset DIR [--split FILE [--part test]] [--model FILE] [--others DIR] [--min-top1 X] [--json]
 * </pre>
 */
public final class EvalCommand {

  static final String USAGE = """
      usage: sightline eval faces --pairs FILE [options]
        FILE            LFW pairs.txt (images under <dir>/images/<Name>/<Name>_NNNN.jpg) or a CSV
                        image1,image2,same with paths relative to the CSV's folder
        --far X         false-accept rate for the reported threshold (default 1e-3)
        --json          print machine-readable figures on stdout instead of the table
        --roc FILE.png  write the ROC curve (TAR against log FAR)
        --scores FILE.csv  write every pair's similarity (image1,image2,same,fold,score; empty when no face)
        --threads N     embedding threads (default: available processors)
        --min-accuracy X  exit with status 1 when the 10-fold accuracy is below X (e.g. 0.985, for CI)
      Every pair counts: a pair where a face is not found is wrong at every threshold.
      When an image holds several faces the one nearest the image centre is used (LFW's convention).

      usage: sightline eval liveness --datasets DIR [--json] [--fit] [--target-bpcer X] [--session-frames N]
                                     [--threads N] [--attack-scores FILE.csv]
        DIR             the shared datasets folder (antispoof/msu-mfsd-firstframes, antispoof/webcam-replay-video,
                        video/focus-blink-webcam, video/intel-headpose-gifs; the AVI clips need ffmpeg)
        the liveness policy per source and attack type, per session (N frames about 150 ms apart, default 20)
        and per frame: APCER per attack type, BPCER per live source, for the decision, the fused score, each
        model alone and the motion cue; then the fused thresholds proposed for BPCER <= X (default 0.05)
        --fit           first fit the policy's numbers on the fit part (MSU-MFSD train subjects, first half of
                        each live clip) and evaluate those (prints the numbers for LivenessPolicy.defaults())
        --attack-scores FILE.csv  write the test part's attack sessions (attack_type,score) for the app's
                        calibration page (sightline.biometrics.liveness.attack-scores)

      usage: sightline eval liveness --dataset DIR [--json] [--threshold T] [--split train|test]
        fr_liveness alone on one labelled folder:
        DIR             a folder with labels.csv (image,label,attack_type[,split]), e.g. antispoof/msu-mfsd-firstframes
        APCER per attack type, BPCER and ACER (ISO/IEC 30107-3) at T (default: the library's threshold), and the
        highest threshold with BPCER <= 5% with its APCERs; the largest face per image is judged

      usage: sightline eval eyes --dataset DIR [--json] [--max-frames N]
        per-frame eye-closed accuracy, precision, recall and F1 against <clip>_ideal.csv labels (one 0/1 per frame)

      usage: sightline eval pose --dataset DIR [--json] [--max-degrees D]
        attentive (|yaw| and |pitch| <= D, default 25) against the frame labels shipped with Sightline for the
        intel-headpose clips (see PoseEvaluation for how they were labelled)

      usage: sightline eval attention --dataset DIR [--json] [--frames FILE.csv] [--cone D] [--eyes-closed-below X]
                                      [--detect-every N] [--pose-model] [--labels FILE] [--tuning DIR]
        DIR             shared/datasets/video: eyes closed per frame, per blink and for 2 s closures on
                        focus-blink-webcam, attentive/looking away on intel-headpose-gifs (eval pose's labels); the
                        live clip of antispoof/webcam-replay-video beside it is scored as the cone's tuning clip
        --frames FILE   write every judged frame (state, pose, eye aspect ratios) as CSV
        --cone D, --eyes-closed-below X, --detect-every N, --pose-model: try other rules or fr_pose

      usage: sightline eval pose-fit --images DIR [--limit N] [--out FILE]
        refit the landmark head-pose coefficients: synthetic views of the mean 3-D face, then a gain per angle
        and a pitch offset against fr_pose on the faces under DIR (the shipped ones: the Intel clips' frames)

      usage: sightline eval speed [--image FILE] [--iterations N] [--video FILE] [--students N] [--json]
        single-thread p50/p90 of decoding and of the face paths on a 640x480 JPEG frame
        (default: sample1 scaled to 640x480 with an embedded ICC profile), then the engagement path per frame at
        one frame per second per student, for one student and for N interleaved (default 30), on every 30th frame
        of --video or on a synthetic sequence of that frame

      usage: sightline eval plants --dataset DIR [options]
        DIR             one folder per class (folder names match the model's labels as slugs: lower case,
                        other characters as '_'), e.g. ../shared/datasets/plants/plantvillage-pv16
        --split FILE    only the pictures of one part of this split file (CSV path,label,split,...), e.g.
                        vision/training/plants/pv16-split.csv; --part P picks the part (default test)
        --model FILE    a classifier metadata file (default: the bundled plant-disease model)
        --others DIR    also count "not a leaf" on the pictures under DIR (e.g. LFW faces; --max-others N, 1000)
        --min-top1 X    exit with status 1 when top-1 is below X (for CI)
        --iterations N  runs for the single-thread decode + classify latency (default 200)
        --json          print machine-readable figures on stdout instead of the tables
        prints top-1/top-5, per-class accuracy and the confusion matrix; what the model's reject rule does to the
        leaves; the "not a leaf" rate on the face-api demo photos (whole and cropped faces) and on generated blank
        and random pictures; and decode + classify p50/p90 on one thread

      usage: sightline eval mean-face --images DIR
        derives the mean 3-D face of the liveness motion cue from the landmarks of every JPEG under DIR
        (the shipped one: the frames of the Intel head-pose clips, vision/README.md), depths scaled to head
        anthropometry, and prints it in the format of mean-face-68.txt
      """;

  private EvalCommand() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (args[0].equals("speed")) {
      return speed(args, out, err);
    }
    switch (args[0]) {
      case "liveness" -> {
        return java.util.Arrays.asList(args).contains("--datasets") ? LivenessSuite.command(args, out, err)
            : LivenessEvaluation.command(args, out, err);
      }
      case "eyes" -> { return EyeEvaluation.command(args, out, err); }
      case "pose" -> { return PoseEvaluation.command(args, out, err); }
      case "attention" -> { return AttentionEvaluation.command(args, out, err); }
      case "pose-fit" -> { return PoseFitCommand.command(args, out, err); }
      case "plants" -> { return PlantEvaluation.command(args, out, err); }
      case "mean-face" -> { return MeanFaceDerivation.command(args, out, err); }
      default -> { }
    }
    if (!args[0].equals("faces")) {
      err.println("sightline eval: unknown evaluation '" + args[0] + "'; available: faces, liveness, eyes, pose, attention, pose-fit, speed, plants, mean-face");
      err.print(USAGE);
      return 2;
    }
    Path pairs = null;
    Path roc = null;
    Path scores = null;
    boolean json = false;
    double far = 1e-3;
    double minAccuracy = Double.NaN;
    int threads = Runtime.getRuntime().availableProcessors();
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--pairs" -> pairs = Path.of(args[++i]);
          case "--roc" -> roc = Path.of(args[++i]);
          case "--scores" -> scores = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--far" -> far = Double.parseDouble(args[++i]);
          case "--min-accuracy" -> minAccuracy = Double.parseDouble(args[++i]);
          case "--threads" -> threads = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (pairs == null) throw new IllegalArgumentException("--pairs FILE is required");
      if (!(far > 0 && far < 1)) throw new IllegalArgumentException("--far must be in (0, 1)");
      if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(USAGE);
      return 2;
    }
    if (!Files.isRegularFile(pairs)) {
      err.println("sightline eval: no pair list at " + pairs);
      return 2;
    }
    return faces(pairs, json, far, roc, scores, threads, minAccuracy, out, err);
  }

  private static int speed(String[] args, PrintStream out, PrintStream err) {
    Path image = null;
    Path video = null;
    int students = 30;
    int iterations = 200;
    boolean json = false;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--image" -> image = Path.of(args[++i]);
          case "--video" -> video = Path.of(args[++i]);
          case "--students" -> students = Integer.parseInt(args[++i]);
          case "--iterations" -> iterations = Integer.parseInt(args[++i]);
          case "--json" -> json = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (iterations < 10) throw new IllegalArgumentException("--iterations must be at least 10");
      if (students < 1) throw new IllegalArgumentException("--students must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(USAGE);
      return 2;
    }
    return SpeedCheck.run(image, iterations, json, video, students, out, err);
  }

  private static int faces(Path pairFile, boolean json, double far, @Nullable Path roc, @Nullable Path scoreFile, int threads,
      double minAccuracy, PrintStream out, PrintStream err) {
    List<PairList.Entry> entries = PairList.read(pairFile);
    var images = new LinkedHashSet<Path>();
    for (PairList.Entry e : entries) {
      images.add(e.first());
      images.add(e.second());
    }
    long started = System.nanoTime();
    Map<Path, FaceEmbedding> embeddings;
    var failures = new ConcurrentHashMap<Path, String>();
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.defaults().withAttributes(java.util.Set.of(FaceAttribute.EMBEDDING)))) {
      embeddings = embedAll(analyzer, new ArrayList<>(images), threads, failures, err);
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    var scored = new ArrayList<VerificationStats.Pair>();
    int failedPairs = 0;
    for (PairList.Entry e : entries) {
      FaceEmbedding a = embeddings.get(e.first());
      FaceEmbedding b = embeddings.get(e.second());
      double score = a != null && b != null ? a.similarity(b) : Double.NaN;
      if (Double.isNaN(score)) failedPairs++;
      scored.add(new VerificationStats.Pair(score, e.same(), e.fold()));
    }
    if (scoreFile != null) {
      var csv = new StringBuilder("image1,image2,same,fold,score\n");
      for (int i = 0; i < entries.size(); i++) {
        PairList.Entry e = entries.get(i);
        double score = scored.get(i).score();
        csv.append(e.first()).append(',').append(e.second()).append(',').append(e.same() ? 1 : 0).append(',')
            .append(e.fold()).append(',').append(Double.isNaN(score) ? "" : String.format(Locale.ROOT, "%.6f", score))
            .append('\n');
      }
      try {
        Files.writeString(scoreFile, csv);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write " + scoreFile, ex);
      }
    }
    var folded = VerificationStats.tenFold(scored);
    var at1e2 = VerificationStats.atFar(scored, 1e-2);
    var at1e3 = VerificationStats.atFar(scored, 1e-3);
    var chosen = VerificationStats.atFar(scored, far);
    double eer = VerificationStats.equalErrorRate(scored);
    long same = entries.stream().filter(PairList.Entry::same).count();

    var figures = new LinkedHashMap<String, Object>();
    figures.put("pairList", pairFile.toString());
    figures.put("pairs", entries.size());
    figures.put("samePairs", same);
    figures.put("differentPairs", entries.size() - same);
    figures.put("images", images.size());
    figures.put("imagesWithoutFace", failures.size());
    figures.put("pairsWithDetectionFailure", failedPairs);
    figures.put("folds", folded.perFold().length);
    figures.put("accuracy", folded.mean());
    figures.put("accuracyStd", folded.std());
    figures.put("tarAtFar1e-2", at1e2.tar());
    figures.put("thresholdAtFar1e-2", at1e2.threshold());
    figures.put("tarAtFar1e-3", at1e3.tar());
    figures.put("thresholdAtFar1e-3", at1e3.threshold());
    figures.put("eer", eer);
    figures.put("far", far);
    figures.put("thresholdAtFar", chosen.threshold());
    figures.put("tarAtFar", chosen.tar());
    figures.put("seconds", seconds);
    figures.put("threads", threads);

    if (json) {
      out.println(toJson(figures));
    } else {
      out.printf(Locale.ROOT, "Face verification on %s%n", pairFile);
      row(out, "pairs", "%d (%d same, %d different), %d images", entries.size(), same, entries.size() - same, images.size());
      row(out, "detection failures", "%d images without a face, %d pairs affected (wrong in the accuracy, rejected in "
          + "TAR/FAR/EER)", failures.size(), failedPairs);
      row(out, folded.perFold().length + "-fold accuracy", "%.2f%% ± %.2f%%", 100 * folded.mean(), 100 * folded.std());
      row(out, "TAR @ FAR 1e-2", "%.2f%% (threshold %.4f)", 100 * at1e2.tar(), at1e2.threshold());
      row(out, "TAR @ FAR 1e-3", "%.2f%% (threshold %.4f)", 100 * at1e3.tar(), at1e3.threshold());
      row(out, "EER", "%.2f%%", 100 * eer);
      row(out, "threshold @ FAR " + far, "%.4f (TAR %.2f%%, measured FAR %.4f)", chosen.threshold(), 100 * chosen.tar(), chosen.far());
      row(out, "time", "%.1f s on %d threads (%.1f ms per image)", seconds, threads, 1000 * seconds * threads / images.size());
      if (!failures.isEmpty()) {
        out.println("images without a usable face (first 10):");
        failures.entrySet().stream().limit(10).forEach(f -> out.println("  " + f.getKey() + ": " + f.getValue()));
      }
    }
    if (roc != null) {
      writeRoc(VerificationStats.roc(scored), roc, String.format(Locale.ROOT, "%s: acc %.2f%%, TAR@1e-3 %.2f%%",
          pairFile.getFileName(), 100 * folded.mean(), 100 * at1e3.tar()));
      err.println("ROC curve written to " + roc);
    }
    if (!Double.isNaN(minAccuracy) && folded.mean() < minAccuracy) {
      err.printf(Locale.ROOT, "sightline eval: accuracy %.4f is below the required %.4f%n", folded.mean(), minAccuracy);
      return 1;
    }
    return 0;
  }

  private static void row(PrintStream out, String label, String format, Object... values) {
    out.printf(Locale.ROOT, "  %-24s " + format + "%n", prepend(label, values));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Embeds every image on {@code threads} threads sharing one analyzer; images without a face are left out. */
  static Map<Path, FaceEmbedding> embedAll(FaceAnalyzer analyzer, List<Path> images, int threads,
      Map<Path, String> failures, PrintStream err) {
    var decoder = ImageDecoder.withDefaults();
    var embeddings = new ConcurrentHashMap<Path, FaceEmbedding>();
    var done = new AtomicInteger();
    var progress = new Progress(err, images.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<?>>();
      for (Path path : images) {
        futures.add(pool.submit(() -> {
          try {
            Image image = decoder.decode(path);
            DetectedFace face = nearestCentre(analyzer.analyze(image), image);
            if (face == null) {
              failures.put(path, "no face found");
            } else {
              embeddings.put(path, java.util.Objects.requireNonNull(face.embedding()));
            }
          } catch (ImageRejected | UncheckedIOException e) {
            failures.put(path, e.getMessage());
          }
          progress.update(done.incrementAndGet());
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("embedding failed", e.getCause());
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
    return embeddings;
  }

  /** The face whose box centre is nearest the image centre (LFW's convention), or null when there is none. */
  static @Nullable DetectedFace nearestCentre(List<DetectedFace> faces, Image image) {
    var centre = new Point(image.width() / 2.0, image.height() / 2.0);
    DetectedFace best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (DetectedFace face : faces) {
      double d = face.box().centre().distanceTo(centre);
      if (d < bestDistance) {
        bestDistance = d;
        best = face;
      }
    }
    return best;
  }

  /** A one-line progress bar on stderr, redrawn at most every 1%. */
  static final class Progress {
    // A redrawn bar on a terminal; into a log (CI), one line per 10% instead of hundreds of carriage returns.
    private final boolean terminal = System.console() != null;
    private final PrintStream err;
    private final int total;
    private int shownPercent = -1;
    private final long start = System.nanoTime();

    Progress(PrintStream err, int total) {
      this.err = err;
      this.total = total;
    }

    synchronized void update(int done) {
      int percent = total == 0 ? 100 : (int) (100L * done / total);
      if (percent == shownPercent || (!terminal && percent % 10 != 0)) return;
      shownPercent = percent;
      int width = 40;
      int filled = percent * width / 100;
      double elapsed = (System.nanoTime() - start) / 1e9;
      double eta = done == 0 ? 0 : elapsed * (total - done) / done;
      err.printf(Locale.ROOT, "%s[%s%s] %3d%% %d/%d images, %.0f s left %s", terminal ? "\r" : "",
          "#".repeat(filled), ".".repeat(width - filled), percent, done, total, eta, terminal ? "" : "\n");
      err.flush();
    }

    synchronized void finish() {
      if (terminal) {
        err.println();
      }
    }
  }

  static String toJson(Map<String, Object> figures) {
    var sb = new StringBuilder("{");
    figures.forEach((key, value) -> {
      if (sb.length() > 1) sb.append(", ");
      sb.append('"').append(key).append("\": ");
      if (value instanceof Double d) {
        sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
      } else if (value instanceof Number n) {
        sb.append(n);
      } else {
        sb.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    });
    return sb.append('}').toString();
  }

  private static void writeRoc(List<VerificationStats.Operating> curve, Path file, String title) {
    int w = 640, h = 480, left = 60, right = 20, top = 40, bottom = 50;
    var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double minLog = -4, maxLog = 0, minTar = 0.8;
    int pw = w - left - right, ph = h - top - bottom;
    g.setColor(new Color(220, 220, 220));
    for (int e = -4; e <= 0; e++) {
      int x = left + (int) ((e - minLog) / (maxLog - minLog) * pw);
      g.drawLine(x, top, x, top + ph);
      g.setColor(Color.DARK_GRAY);
      g.drawString("1e" + e, x - 12, top + ph + 18);
      g.setColor(new Color(220, 220, 220));
    }
    for (int t = 80; t <= 100; t += 5) {
      int y = top + ph - (int) ((t / 100.0 - minTar) / (1 - minTar) * ph);
      g.drawLine(left, y, left + pw, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(t + "%", 20, y + 5);
      g.setColor(new Color(220, 220, 220));
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, pw, ph);
    g.drawString(title, left, 25);
    g.drawString("false accept rate (log)", left + pw / 2 - 60, h - 12);
    g.setColor(new Color(0, 90, 200));
    g.setStroke(new BasicStroke(2f));
    int px = -1, py = -1;
    for (VerificationStats.Operating o : curve) {
      double lf = Math.log10(Math.max(o.far(), 1e-4));
      int x = left + (int) ((lf - minLog) / (maxLog - minLog) * pw);
      int y = top + ph - (int) ((Math.max(o.tar(), minTar) - minTar) / (1 - minTar) * ph);
      if (px >= 0) g.drawLine(px, py, x, y);
      px = x;
      py = y;
    }
    g.dispose();
    try {
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
