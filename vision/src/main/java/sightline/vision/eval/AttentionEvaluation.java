package sightline.vision.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.Point;
import sightline.vision.face.AttentionRules;
import sightline.vision.face.AttentionState;
import sightline.vision.face.AttentionTracker;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.EngagementAnalyzer;
import sightline.vision.face.EngagementFrame;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.TrackedFace;
import sightline.vision.model.ModelStore;

/**
 * {@code eval attention}: the {@link EngagementAnalyzer} path scored over time on {@code shared/datasets/video}, as the
 * server would run it (one {@link AttentionTracker} per person, frames in capture order, the detector only every few
 * frames).
 *
 * <ul>
 *   <li><b>Eyes closed</b>, on {@code focus-blink-webcam}: every frame at its recorded capture time against the
 *       per-frame blink labels, per frame (a frame without a face counts as predicted open) and per episode (a run of
 *       closed frames; found when a predicted run overlaps it within one frame, see {@link EpisodeAgreement}). The
 *       clips hold blinks only, no closure of 2 s or more, so for {@link AttentionState#DROWSY} it counts false
 *       alarms, at full frame rate and at the app's one frame per second (ten phase offsets), and measures recall on
 *       synthetic closures: at one frame per second, four consecutive frames taken from the inner frames of the
 *       clip's own labelled blinks (real closed eyes of the same person, held for 4 s) at three points of the clip.</li>
 *   <li><b>Attentive or looking away</b>, on {@code intel-headpose-gifs} with the frame labels shipped for
 *       {@code eval pose} ({@link PoseEvaluation}): whether the followed face is inside the cone, per face (one
 *       tracker per face of the first frame, so both people of the two-person clip are judged).</li>
 *   <li>When {@code antispoof/webcam-replay-video} lies beside the video folder (or {@code --tuning DIR}), its live
 *       frames (2 per second, labelled from the notes of its {@code labels.csv}) are scored too and marked as the
 *       clip the cone was chosen on.</li>
 * </ul>
 */
final class AttentionEvaluation {

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration THIRTY_FPS = Duration.ofNanos(1_000_000_000L / 30);
  private static final int PHASES = 10;
  private static final int[] SYNTHETIC_STARTS_S = {10, 25, 40};
  private static final int SYNTHETIC_SECONDS = 4;
  private static final int SYNTHETIC_PHASES = 5;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private AttentionEvaluation() {
  }

  record Settings(EngagementAnalyzer.Options options, boolean json, @Nullable Path framesCsv) {
  }

  /** Parses {@code attention --dataset DIR [options]} and runs it. */
  static int command(String[] args, PrintStream out, PrintStream err) {
    Path dataset = null;
    Path labelFile = null;
    Path tuning = null;
    Path framesCsv = null;
    boolean json = false;
    var options = EngagementAnalyzer.Options.defaults();
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = Path.of(args[++i]);
          case "--labels" -> labelFile = Path.of(args[++i]);
          case "--tuning" -> tuning = Path.of(args[++i]);
          case "--frames" -> framesCsv = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--detect-every" -> options = options.withDetectEvery(Integer.parseInt(args[++i]));
          case "--pose-model" -> options = options.withPoseModel(true);
          case "--cone" -> {
            double degrees = Double.parseDouble(args[++i]);
            options = options.withRules(options.rules().withCone(degrees, degrees));
          }
          case "--eyes-closed-below" ->
              options = options.withRules(options.rules().withEyesClosedBelow(Double.parseDouble(args[++i])));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataset == null) throw new IllegalArgumentException("--dataset DIR is required");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    Path blinks = dataset.resolve("focus-blink-webcam");
    Path heads = dataset.resolve("intel-headpose-gifs");
    if (tuning == null) {
      Path sibling = dataset.toAbsolutePath().normalize().resolveSibling("antispoof").resolve("webcam-replay-video");
      if (Files.isRegularFile(sibling.resolve("labels.csv"))) tuning = sibling;
    }
    if (!Files.isDirectory(blinks) && !Files.isDirectory(heads)) {
      err.println("sightline eval: " + dataset + " holds neither focus-blink-webcam nor intel-headpose-gifs");
      return 2;
    }
    List<PoseEvaluation.Range> ranges = PoseEvaluation.labels(labelFile);
    return run(new Settings(options, json, framesCsv), blinks, heads, ranges, tuning, out, err);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Per-frame and per-episode eye figures of a stretch of a clip.
   *
   * @param tolerated per frame, but a frame counts as found (or right) when the other side has a closed frame within
   *                  one frame of it
   */
  record EyePart(String label, int frames, int withoutFace, int outsideCone, BinaryAgreement perFrame,
      EpisodeAgreement tolerated, EpisodeAgreement episodes) {
  }

  /** Eye figures of one clip: all of it, then its first and second half. */
  record EyeResult(String clip, List<EyePart> parts, int longEpisodes, int drowsyAlarms, BinaryAgreement oneFps,
      int oneFpsFrames, int oneFpsDrowsyFrames, int synthetic, int syntheticFound, int syntheticAlarms) {
  }

  /** The clip whose first half the eye threshold was chosen on ({@link AttentionRules#defaults()}). */
  static final String EYE_TUNING_CLIP = "mahie_test_1";

  /** Attention figures of one clip (or one face of it). */
  record AttentionResult(String clip, int frames, int withoutFace, BinaryAgreement agreement, double[] sums,
      boolean tuning) {
  }

  private static int run(Settings settings, Path blinks, Path heads, List<PoseEvaluation.Range> ranges,
      @Nullable Path tuning, PrintStream out, PrintStream err) {
    long started = System.nanoTime();
    var eyeResults = new ArrayList<EyeResult>();
    var attentionResults = new ArrayList<AttentionResult>();
    try (var analyzer = EngagementAnalyzer.load(ModelStore.atDefaultLocation(), settings.options());
         var csv = settings.framesCsv() != null ? new PrintWriter(Files.newBufferedWriter(settings.framesCsv())) : null) {
      if (csv != null) {
        csv.println("clip,face,frame,seconds,label,faces,detected,state,within_cone,eyes_closed,openness,yaw,pitch,"
            + "roll,ear_left,ear_right,symmetry");
      }
      var frames = new FrameLog(csv);
      if (Files.isDirectory(blinks)) {
        for (EyeEvaluation.Clip clip : EyeEvaluation.clips(blinks, VideoFrames.ffmpegAvailable(), err)) {
          err.println("attention: eyes on " + clip.name());
          eyeResults.add(eyes(analyzer, clip, timestamps(blinks.resolve(clip.name() + "_timestamps.txt")), frames, err));
        }
      }
      if (Files.isDirectory(heads)) {
        for (String clip : ranges.stream().map(PoseEvaluation.Range::clip).distinct().toList()) {
          if (!Files.isRegularFile(heads.resolve(clip))) {
            err.println("sightline eval: skipping " + clip + ": not in " + heads);
            continue;
          }
          err.println("attention: head pose on " + clip);
          attentionResults.addAll(attention(analyzer, heads.resolve(clip), ranges, frames, err));
        }
      }
      if (tuning != null) {
        err.println("attention: head pose on the tuning clip " + tuning);
        attentionResults.add(tuningClip(analyzer, tuning, frames));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + settings.framesCsv(), e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    print(settings, eyeResults, attentionResults, seconds, out);
    return 0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Eyes

  private static EyeResult eyes(EngagementAnalyzer analyzer, EyeEvaluation.Clip clip, @Nullable List<Instant> times,
      FrameLog log, PrintStream err) {
    List<byte[]> jpegs = readAll(clip.frames(), clip.closed().size());
    int n = Math.min(jpegs.size(), clip.closed().size());
    List<Instant> at = times != null && times.size() >= n ? times.subList(0, n) : thirtyFps(n);
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) labels[i] = clip.closed().get(i);
    var decoder = ImageDecoder.withDefaults();

    // Every frame at its capture time.
    AttentionTracker tracker = analyzer.newTracker();
    boolean[] closed = new boolean[n];
    boolean[] drowsy = new boolean[n];
    boolean[] withoutFace = new boolean[n];
    boolean[] outsideCone = new boolean[n];
    for (int i = 0; i < n; i++) {
      EngagementFrame frame = analyze(analyzer, decoder, jpegs.get(i), at.get(i), tracker, err);
      withoutFace[i] = frame == null || frame.face() == null;
      outsideCone[i] = !withoutFace[i] && !frame.withinCone();
      closed[i] = frame != null && frame.eyesClosed();
      drowsy[i] = frame != null && frame.state() == AttentionState.DROWSY;
      log.write(clip.name(), 0, i, Duration.between(at.get(0), at.get(i)), labels[i] ? "closed" : "open", frame);
    }
    var labelled = EpisodeAgreement.runs(labels);
    boolean tuned = clip.name().equals(EYE_TUNING_CLIP);
    List<EyePart> parts = List.of(part("all" + (tuned ? " (half tuning)" : ""), labels, closed, withoutFace, outsideCone, 0, n),
        part("1st half" + (tuned ? " (tuning)" : ""), labels, closed, withoutFace, outsideCone, 0, n / 2),
        part("2nd half", labels, closed, withoutFace, outsideCone, n / 2, n));
    var longRuns = labelled.stream().filter(r -> Duration.between(at.get(r.first()), at.get(r.last()))
        .compareTo(analyzer.options().rules().drowsyAfter()) >= 0).toList();
    int drowsyAlarms = (int) EpisodeAgreement.runs(drowsy).stream()
        .filter(p -> longRuns.stream().noneMatch(l -> l.overlaps(p, 0))).count();

    // The app's rate: one frame per second, from ten starting offsets.
    var oneFps = BinaryAgreement.EMPTY;
    int oneFpsFrames = 0, oneFpsDrowsy = 0;
    for (int phase = 0; phase < PHASES; phase++) {
      AttentionTracker sampled = analyzer.newTracker();
      for (int i : everySecond(at, Duration.ofMillis(100L * phase))) {
        EngagementFrame frame = analyze(analyzer, decoder, jpegs.get(i), at.get(i), sampled, err);
        boolean predicted = frame != null && frame.eyesClosed();
        oneFps = oneFps.plus(labels[i], predicted);
        oneFpsFrames++;
        if (frame != null && frame.state() == AttentionState.DROWSY) oneFpsDrowsy++;
      }
    }

    // Synthetic closures: the inner frames of the clip's labelled blinks, held for 4 s at one frame per second.
    var pool = new ArrayList<Integer>();
    for (var run : labelled) {
      for (int i = run.first() + 1; i < run.last(); i++) pool.add(i);
    }
    int synthetic = 0, found = 0, alarms = 0;
    if (!pool.isEmpty()) {
      for (int phase = 0; phase < SYNTHETIC_PHASES; phase++) {
        List<Integer> sampled = everySecond(at, Duration.ofMillis(200L * phase));
        for (int start : SYNTHETIC_STARTS_S) {
          if (start + SYNTHETIC_SECONDS >= sampled.size()) continue;
          synthetic++;
          AttentionTracker held = analyzer.newTracker();
          boolean caught = false;
          for (int k = 0; k < sampled.size(); k++) {
            boolean inside = k >= start && k < start + SYNTHETIC_SECONDS;
            int source = inside ? pool.get((phase * 7 + (k - start) * 3 + start) % pool.size()) : sampled.get(k);
            Instant t = at.get(sampled.get(k));
            if (!inside && labels[source]) continue;  // keep real blinks out, so that only the insert can be drowsy
            EngagementFrame frame = analyze(analyzer, decoder, jpegs.get(source), t, held, err);
            boolean isDrowsy = frame != null && frame.state() == AttentionState.DROWSY;
            if (inside && isDrowsy) caught = true;
            if (!inside && isDrowsy) alarms++;
          }
          if (caught) found++;
        }
      }
    }
    return new EyeResult(clip.name(), parts, longRuns.size(), drowsyAlarms, oneFps, oneFpsFrames, oneFpsDrowsy,
        synthetic, found, alarms);
  }

  /** The figures of frames {@code from} (inclusive) to {@code to} (exclusive); an episode belongs where it starts. */
  static EyePart part(String label, boolean[] labels, boolean[] closed, boolean[] withoutFace, boolean[] outsideCone,
      int from, int to) {
    var perFrame = BinaryAgreement.EMPTY;
    int noFace = 0, away = 0;
    for (int i = from; i < to; i++) {
      perFrame = perFrame.plus(labels[i], closed[i]);
      if (withoutFace[i]) noFace++;
      if (outsideCone[i]) away++;
    }
    var labelledFrames = new ArrayList<EpisodeAgreement.Run>();
    var closedFrames = new ArrayList<EpisodeAgreement.Run>();
    for (int i = from; i < to; i++) {
      if (labels[i]) labelledFrames.add(new EpisodeAgreement.Run(i, i));
      if (closed[i]) closedFrames.add(new EpisodeAgreement.Run(i, i));
    }
    var inside = (java.util.function.Predicate<EpisodeAgreement.Run>) r -> r.first() >= from && r.first() < to;
    var episodes = EpisodeAgreement.of(EpisodeAgreement.runs(labels).stream().filter(inside).toList(),
        EpisodeAgreement.runs(closed).stream().filter(inside).toList(), 1);
    return new EyePart(label, to - from, noFace, away, perFrame, EpisodeAgreement.of(labelledFrames, closedFrames, 1),
        episodes);
  }

  /** Indices of the first frame at or after {@code offset}, then of the first frame at least 1 s after the last. */
  static List<Integer> everySecond(List<Instant> at, Duration offset) {
    var picked = new ArrayList<Integer>();
    Instant next = at.get(0).plus(offset);
    for (int i = 0; i < at.size(); i++) {
      if (!at.get(i).isBefore(next)) {
        picked.add(i);
        next = at.get(i).plusSeconds(1);
      }
    }
    return picked;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Head pose

  private static List<AttentionResult> attention(EngagementAnalyzer analyzer, Path clip,
      List<PoseEvaluation.Range> ranges, FrameLog log, PrintStream err) {
    String name = clip.getFileName().toString();
    List<byte[]> jpegs = readAll(clip, Integer.MAX_VALUE);
    var decoder = ImageDecoder.withDefaults();
    List<Point> anchors = anchors(decoder, jpegs.get(0));
    var results = new ArrayList<AttentionResult>();
    for (int f = 0; f < anchors.size(); f++) {
      AttentionTracker tracker = new AttentionTracker(analyzer.options().rules(), anchors.get(f));
      var agreement = BinaryAgreement.EMPTY;
      double[] sums = new double[6];
      int labelled = 0, withoutFace = 0;
      for (int i = 0; i < jpegs.size(); i++) {
        Instant t = EPOCH.plus(THIRTY_FPS.multipliedBy(i));
        EngagementFrame frame = analyze(analyzer, decoder, jpegs.get(i), t, tracker, err);
        PoseEvaluation.Range range = PoseEvaluation.rangeOf(ranges, name, i);
        Boolean attentive = range == null ? null : range.attentive();
        log.write(shortName(name), f, i, Duration.between(EPOCH, t),
            attentive == null ? "unsure" : attentive ? "attentive" : "away", frame);
        if (attentive == null) continue;
        labelled++;
        if (frame == null || frame.face() == null) {
          withoutFace++;
          continue;
        }
        agreement = agreement.plus(attentive, frame.withinCone());
        add(sums, attentive, frame.face());
      }
      String label = anchors.size() > 1 ? shortName(name) + " face " + (f + 1) : shortName(name);
      results.add(new AttentionResult(label, labelled, withoutFace, agreement, sums, false));
    }
    if (anchors.size() > 1) {
      var all = results.stream().map(AttentionResult::agreement).reduce(BinaryAgreement.EMPTY, BinaryAgreement::plus);
      double[] sums = new double[6];
      results.forEach(r -> {
        for (int i = 0; i < 6; i++) sums[i] += r.sums()[i];
      });
      results.add(0, new AttentionResult(shortName(name), results.get(0).frames(),
          results.stream().mapToInt(AttentionResult::withoutFace).sum(), all, sums, false));
    }
    return results;
  }

  /** The face centres of a clip's first frame, left to right: one tracker follows each. */
  private static List<Point> anchors(ImageDecoder decoder, byte[] jpeg) {
    try (var faces = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.detectionOnly())) {
      List<Point> centres = faces.analyze(decoder.decode(jpeg)).stream().map(DetectedFace::box)
          .map(b -> b.centre()).sorted(Comparator.comparingDouble(Point::x)).toList();
      return centres.isEmpty() ? List.of(new Point(0, 0)) : centres;
    }
  }

  private static AttentionResult tuningClip(EngagementAnalyzer analyzer, Path folder, FrameLog log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(folder.resolve("labels.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve("labels.csv"), e);
    }
    var decoder = ImageDecoder.withDefaults();
    AttentionTracker tracker = analyzer.newTracker();
    var agreement = BinaryAgreement.EMPTY;
    double[] sums = new double[6];
    int labelled = 0, withoutFace = 0, index = 0;
    for (TuningFrame row : tuningFrames(lines)) {
      Instant t = EPOCH.plusMillis(Math.round(row.seconds() * 1000));
      EngagementFrame frame;
      try {
        frame = analyzer.analyze(decoder.decode(folder.resolve(row.image())), t, tracker);
      } catch (ImageRejected e) {
        frame = null;
      }
      log.write("webcam-replay live", 0, index++, Duration.between(EPOCH, t),
          row.attentive() == null ? "unsure" : row.attentive() ? "attentive" : "away", frame);
      if (row.attentive() == null) continue;
      labelled++;
      if (frame == null || frame.face() == null) {
        withoutFace++;
        continue;
      }
      agreement = agreement.plus(row.attentive(), frame.withinCone());
      add(sums, row.attentive(), frame.face());
    }
    return new AttentionResult("webcam-replay live", labelled, withoutFace, agreement, sums, true);
  }

  /** One live frame of the webcam-replay clip: attentive when its note says frontal or a slight turn, away when it says looking away. */
  record TuningFrame(String image, double seconds, @Nullable Boolean attentive) {
  }

  /** The live rows of {@code labels.csv} ({@code image,label,attack_type,approx_time_s,note}). */
  static List<TuningFrame> tuningFrames(List<String> lines) {
    var rows = new ArrayList<TuningFrame>();
    for (String line : lines) {
      if (line.startsWith("image,") || line.isBlank()) continue;
      String[] f = line.split(",", 5);
      if (f.length < 5 || !f[1].equals("live")) continue;
      String note = f[4].replace("\"", "").strip();
      Boolean attentive = note.contains("looking away") ? Boolean.FALSE
          : note.startsWith("frontal") || note.startsWith("slight head turn") ? Boolean.TRUE : null;
      rows.add(new TuningFrame(f[0], Double.parseDouble(f[3]), attentive));
    }
    return List.copyOf(rows);
  }

  private static void add(double[] sums, boolean attentive, TrackedFace face) {
    int base = attentive ? 0 : 3;
    sums[base] += Math.abs(face.pose().yawDegrees());
    sums[base + 1] += Math.abs(face.pose().pitchDegrees());
    sums[base + 2]++;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Shared plumbing

  private static @Nullable EngagementFrame analyze(EngagementAnalyzer analyzer, ImageDecoder decoder, byte[] jpeg,
      Instant at, AttentionTracker tracker, PrintStream err) {
    Image image;
    try {
      image = decoder.decode(jpeg);
    } catch (ImageRejected e) {
      err.println("sightline eval: a frame could not be decoded: " + e.getMessage());
      return null;
    }
    return analyzer.analyze(image, at, tracker);
  }

  private static List<byte[]> readAll(Path clip, int limit) {
    var frames = new ArrayList<byte[]>();
    try (var video = VideoFrames.open(clip)) {
      byte[] jpeg;
      while (frames.size() < limit && (jpeg = video.next()) != null) frames.add(jpeg);
    }
    return frames;
  }

  private static List<Instant> thirtyFps(int n) {
    var at = new ArrayList<Instant>(n);
    for (int i = 0; i < n; i++) at.add(EPOCH.plus(THIRTY_FPS.multipliedBy(i)));
    return at;
  }

  /** The capture times of a {@code <clip>_timestamps.txt} (a JSON array of "yyyy-MM-dd HH:mm:ss.SSSSSS" strings), or null when absent. */
  static @Nullable List<Instant> timestamps(Path file) {
    if (!Files.isRegularFile(file)) return null;
    try {
      return timestamps(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static List<Instant> timestamps(String json) {
    var at = new ArrayList<Instant>();
    var m = QUOTED.matcher(json);
    while (m.find()) at.add(LocalDateTime.parse(m.group(1), TIMESTAMP).toInstant(ZoneOffset.UTC));
    for (int i = 1; i < at.size(); i++) {
      if (at.get(i).isBefore(at.get(i - 1))) {
        throw new IllegalArgumentException("timestamps go backwards at entry " + i);
      }
    }
    return List.copyOf(at);
  }

  private static String shortName(String clip) {
    return clip.replace("head-pose-face-detection-", "").replace("_480x270_30fps.mjpeg", "");
  }

  /** The optional per-frame CSV of {@code --frames}. */
  private record FrameLog(@Nullable PrintWriter csv) {

    void write(String clip, int face, int index, Duration since, String label, @Nullable EngagementFrame frame) {
      if (csv == null) return;
      TrackedFace f = frame == null ? null : frame.face();
      csv.printf(Locale.ROOT, "%s,%d,%d,%.4f,%s,%d,%s,%s,%s,%s,%.4f", clip, face, index, since.toNanos() / 1e9, label,
          frame == null ? 0 : frame.faces(), frame != null && frame.detected(), frame == null ? "" : frame.state(),
          frame != null && frame.withinCone(), frame != null && frame.eyesClosed(),
          frame == null ? Double.NaN : frame.eyeOpenness());
      if (f == null) {
        csv.println(",,,,,,");
      } else {
        csv.printf(Locale.ROOT, ",%.2f,%.2f,%.2f,%.4f,%.4f,%.4f%n", f.pose().yawDegrees(), f.pose().pitchDegrees(),
            f.pose().rollDegrees(), f.eyes().left(), f.eyes().right(), f.symmetry());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Output

  private static void print(Settings settings, List<EyeResult> eyes, List<AttentionResult> attention, double seconds,
      PrintStream out) {
    AttentionRules rules = settings.options().rules();
    if (settings.json()) {
      var figures = new LinkedHashMap<String, Object>();
      figures.put("maxYawDegrees", rules.maxYawDegrees());
      figures.put("maxPitchDegrees", rules.maxPitchDegrees());
      figures.put("eyesClosedBelow", rules.eyesClosedBelow());
      figures.put("detectEvery", settings.options().detectEvery());
      figures.put("poseModel", String.valueOf(settings.options().poseModel()));
      for (EyeResult r : eyes) putEyes(figures, r);
      for (AttentionResult r : attention) putAttention(figures, r);
      figures.put("seconds", seconds);
      out.println(EvalCommand.toJson(figures));
      return;
    }
    out.printf(Locale.ROOT, "Engagement path: detector every %d frames, pose from %s, cone %.0f/%.0f degrees, eyes closed "
        + "below %.2f of the open-eye ratio%n", settings.options().detectEvery(),
        settings.options().poseModel() ? "fr_pose (roll-compensated crop)" : "landmarks", rules.maxYawDegrees(),
        rules.maxPitchDegrees(), rules.eyesClosedBelow());
    if (!eyes.isEmpty()) {
      out.println("Eyes closed against per-frame blink labels (focus-blink-webcam), every frame at its capture time");
      out.printf(Locale.ROOT, "  %-42s %6s %7s %5s %6s %4s %4s %4s %6s %6s %6s | %6s %6s %6s | %4s %5s %5s %6s %6s %6s%n",
          "clip", "frames", "no face", "away", "closed", "TP", "FP", "FN", "P", "R", "F1", "P+-1", "R+-1", "F1+-1",
          "eps", "found", "pred.", "P", "R", "F1");
      for (EyeResult r : eyes) {
        for (EyePart part : r.parts()) {
          BinaryAgreement a = part.perFrame();
          EpisodeAgreement t = part.tolerated();
          EpisodeAgreement e = part.episodes();
          out.printf(Locale.ROOT, "  %-42s %6d %7d %5d %6d %4d %4d %4d %6s %6s %6s | %6s %6s %6s | %4d %5d %5d %6s %6s %6s%n",
              r.clip() + " " + part.label(), part.frames(), part.withoutFace(), part.outsideCone(), a.labelledYes(),
              a.truePositives(), a.falsePositives(), a.falseNegatives(), percent(a.precision()), percent(a.recall()),
              decimal(a.f1()), percent(t.precision()), percent(t.recall()), decimal(t.f1()), e.labelled(), e.found(),
              e.predicted(), percent(e.precision()), percent(e.recall()), decimal(e.f1()));
        }
      }
      out.println("  per frame: a frame without a face or outside the cone (away) counts as predicted open; +-1: a closed");
      out.println("  frame counts as right (found) when the labels (the prediction) have a closed frame within one frame;");
      out.println("  eps: runs of closed frames (blinks), found when a predicted run overlaps within one frame;");
      out.printf(Locale.ROOT, "  (tuning): the eye threshold %.2f was chosen on the first half of %s%n",
          rules.eyesClosedBelow(), EYE_TUNING_CLIP);
      out.println("Closures of 2 s or more: labelled in the clips / DROWSY runs outside them (false alarms)");
      for (EyeResult r : eyes) {
        out.printf(Locale.ROOT, "  %-42s %d / %d%n", r.clip(), r.longEpisodes(), r.drowsyAlarms());
      }
      out.printf(Locale.ROOT, "At one frame per second (%d starting offsets), and synthetic %d s closures (real closed-eye "
          + "frames of the clip held at 1 frame/s)%n", PHASES, SYNTHETIC_SECONDS);
      out.printf(Locale.ROOT, "  %-24s %6s %6s %4s %4s %4s %9s %7s %6s %8s | %9s %6s %7s %7s%n", "clip", "frames",
          "closed", "TP", "FP", "FN", "precision", "recall", "F1", "DROWSY", "synthetic", "found", "recall", "alarms");
      for (EyeResult r : eyes) {
        BinaryAgreement a = r.oneFps();
        out.printf(Locale.ROOT, "  %-24s %6d %6d %4d %4d %4d %9s %7s %6s %8d | %9d %6d %7s %7d%n", r.clip(),
            r.oneFpsFrames(), a.labelledYes(), a.truePositives(), a.falsePositives(), a.falseNegatives(),
            percent(a.precision()), percent(a.recall()), decimal(a.f1()), r.oneFpsDrowsyFrames(), r.synthetic(),
            r.syntheticFound(), percent(r.synthetic() == 0 ? Double.NaN : (double) r.syntheticFound() / r.synthetic()),
            r.syntheticAlarms());
      }
      out.println("  DROWSY: frames judged drowsy at 1 frame/s (all false alarms: no labelled closure lasts 2 s);");
      out.println("  synthetic: inserted closures, found when DROWSY during the insert; alarms: DROWSY outside it");
    }
    if (!attention.isEmpty()) {
      out.printf(Locale.ROOT, "Attentive (head inside the %.0f/%.0f-degree cone) against frame labels%n",
          rules.maxYawDegrees(), rules.maxPitchDegrees());
      out.printf(Locale.ROOT, "  %-30s %7s %7s %6s %5s %5s %9s %9s %9s %15s %15s%n", "clip", "frames", "no face",
          "faces", "att.", "away", "agreement", "att. rec.", "away rec.", "att. |yaw|,|p|", "away |yaw|,|p|");
      for (AttentionResult r : attention) {
        BinaryAgreement a = r.agreement();
        out.printf(Locale.ROOT, "  %-30s %7d %7d %6d %5d %5d %9s %9s %9s %15s %15s%n",
            r.clip() + (r.tuning() ? " (tuning)" : ""), r.frames(), r.withoutFace(), a.total(), a.labelledYes(),
            a.total() - a.labelledYes(), percent(a.accuracy()), percent(a.recall()), percent(a.specificity()),
            means(r.sums(), 0), means(r.sums(), 3));
      }
      out.println("  frames: labelled attentive or away; faces: judged faces (a face without a detection is left out);");
      out.println("  (tuning): the clip the cone was chosen on, not a result");
    }
    out.printf(Locale.ROOT, "  time %.1f s%n", seconds);
  }

  private static void putEyes(Map<String, Object> figures, EyeResult r) {
    String p = r.clip() + ".";
    for (EyePart part : r.parts()) {
      String q = p + part.label().replaceAll(" \\(.*\\)", "").replace(' ', '-') + ".";
      figures.put(q + "frames", part.frames());
      figures.put(q + "framesWithoutFace", part.withoutFace());
      figures.put(q + "framesOutsideCone", part.outsideCone());
      figures.put(q + "closedFrames", part.perFrame().labelledYes());
      figures.put(q + "framePrecision", part.perFrame().precision());
      figures.put(q + "frameRecall", part.perFrame().recall());
      figures.put(q + "frameF1", part.perFrame().f1());
      figures.put(q + "frameF1Within1", part.tolerated().f1());
      figures.put(q + "episodes", part.episodes().labelled());
      figures.put(q + "episodePrecision", part.episodes().precision());
      figures.put(q + "episodeRecall", part.episodes().recall());
      figures.put(q + "episodeF1", part.episodes().f1());
    }
    figures.put(p + "episodesOf2sOrMore", r.longEpisodes());
    figures.put(p + "drowsyFalseAlarms", r.drowsyAlarms());
    figures.put(p + "oneFpsFrames", r.oneFpsFrames());
    figures.put(p + "oneFpsPrecision", r.oneFps().precision());
    figures.put(p + "oneFpsRecall", r.oneFps().recall());
    figures.put(p + "oneFpsF1", r.oneFps().f1());
    figures.put(p + "oneFpsDrowsyFrames", r.oneFpsDrowsyFrames());
    figures.put(p + "syntheticClosures", r.synthetic());
    figures.put(p + "syntheticClosuresFound", r.syntheticFound());
    figures.put(p + "syntheticFalseAlarms", r.syntheticAlarms());
  }

  private static void putAttention(Map<String, Object> figures, AttentionResult r) {
    String p = r.clip().replace(' ', '-') + ".";
    figures.put(p + "labelledFrames", r.frames());
    figures.put(p + "framesWithoutFace", r.withoutFace());
    figures.put(p + "faces", r.agreement().total());
    figures.put(p + "agreement", r.agreement().accuracy());
    figures.put(p + "attentiveRecall", r.agreement().recall());
    figures.put(p + "awayRecall", r.agreement().specificity());
    figures.put(p + "tuning", String.valueOf(r.tuning()));
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String decimal(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String means(double[] sums, int base) {
    return sums[base + 2] == 0 ? "-" : String.format(Locale.ROOT, "%.1f, %.1f", sums[base] / sums[base + 2],
        sums[base + 1] / sums[base + 2]);
  }
}
