package sightline.vision.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.liveness.FrameEvidence;
import sightline.vision.liveness.LivenessCalibration;
import sightline.vision.liveness.LivenessDecision;
import sightline.vision.liveness.LivenessPolicy;
import sightline.vision.liveness.MotionEvidence;
import sightline.vision.liveness.MotionRule;
import sightline.vision.liveness.PassiveLivenessRule;
import sightline.vision.model.ModelStore;

/**
 * {@code eval liveness --datasets DIR}: the liveness policy on every source Sightline has, per source and attack
 * type, per session and per frame, in ISO/IEC 30107-3 terms (APCER per attack type, BPCER per live source), for the
 * policy's decision, the fused score alone, each model alone and the motion cue; then the thresholds it would propose
 * for a target BPCER. With {@code --fit} it first fits the policy's numbers on the fit part and evaluates those.
 *
 * <p>Sources (under DIR, the {@code shared/datasets} folder), each split into a fit part and a test part:
 * <ul>
 *   <li>MSU-MFSD first frames: one still per presentation, so a session is one frame and only the passive models
 *       apply; fit = the {@code train} subjects (15), test = the {@code test} subjects (20), disjoint.</li>
 *   <li>Live clips (focus-blink mahie and soniya, webcam-replay live, Intel head-pose female, male, and the two people
 *       of female-and-male): frames sampled about every 150 ms, as the product's client sends them; fit = the first
 *       half of each clip, test = the second half.</li>
 *   <li>Attacks with motion, test only: the webcam-replay phone clip between 2 s and 9 s (before, a live face is in
 *       the frame too; after, the screen is dark), and synthetic attacks made from four fixture photos (a photo
 *       moved and tilted as a whole; a photo warped to fake turns; see {@link SyntheticAttacks}).</li>
 * </ul>
 * A session is a window of {@code --session-frames} consecutive sampled frames (default 20, about 3 s), judged by
 * {@link LivenessPolicy#judgeSession} with the window's first frame as the motion reference. On clips with several
 * faces the largest is judged (the left and right person of female-and-male are tracked by position).
 */
final class LivenessSuite {

  /** Frames about this far apart, as the product's client sends them (liveness.js, 150 ms). */
  static final double FRAME_SPACING_SECONDS = 0.15;
  static final double FR_LIVENESS_ALONE = 0.9;
  static final double MINIFASNET_ALONE = 0.5;
  /** Live fit sessions with 3-D motion needed before the fit proposes a lower threshold for them. */
  static final int MIN_SESSIONS_TO_RELAX = 10;
  private static final String BONA_FIDE = LivenessStats.BONA_FIDE;

  enum Part { FIT, TEST }

  enum FaceChoice { LARGEST, LEFT, RIGHT }

  /** A clip of the suite: where it is, its frame rate, which face, its attack type and the time span used. */
  record ClipSpec(String source, String path, double fps, FaceChoice face, String attackType, double fromSeconds,
      double toSeconds) {
  }

  static final List<ClipSpec> CLIPS = List.of(
      new ClipSpec("focus-blink mahie", "video/focus-blink-webcam/mahie_test_1.avi", 29.83, FaceChoice.LARGEST,
          BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("focus-blink soniya", "video/focus-blink-webcam/soniya_test_6_low_fps.avi", 7.67,
          FaceChoice.LARGEST, BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("webcam-replay live", "antispoof/webcam-replay-video/live_webcam_640x360_30fps.mjpeg", 30,
          FaceChoice.LARGEST, BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("intel female", "video/intel-headpose-gifs/head-pose-face-detection-female_480x270_30fps.mjpeg", 30,
          FaceChoice.LARGEST, BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("intel male", "video/intel-headpose-gifs/head-pose-face-detection-male_480x270_30fps.mjpeg", 30,
          FaceChoice.LARGEST, BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("intel female-and-male (left)",
          "video/intel-headpose-gifs/head-pose-face-detection-female-and-male_480x270_30fps.mjpeg", 30, FaceChoice.LEFT,
          BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("intel female-and-male (right)",
          "video/intel-headpose-gifs/head-pose-face-detection-female-and-male_480x270_30fps.mjpeg", 30,
          FaceChoice.RIGHT, BONA_FIDE, 0, Double.MAX_VALUE),
      new ClipSpec("webcam-replay phone", "antispoof/webcam-replay-video/replay_phone_640x360_30fps.mjpeg", 30,
          FaceChoice.LARGEST, "replay_phone", 2.0, 9.0));

  /** One analysed frame: where it comes from and the face judged (null when none was found). */
  record Observation(String source, String attackType, Part part, String sequence, int index, int frameWidth,
      int frameHeight, @Nullable DetectedFace face) {
    boolean bonaFide() {
      return attackType.equals(BONA_FIDE);
    }
  }

  /** One session: its frames' evidence and the policy's decision. */
  record Session(String source, String attackType, Part part, String sequence, List<Observation> frames,
      List<FrameEvidence> evidence, LivenessDecision decision) {
    boolean bonaFide() {
      return attackType.equals(BONA_FIDE);
    }
  }

  private LivenessSuite() {
  }

  static int command(String[] args, PrintStream out, PrintStream err) {
    Path datasets = null;
    boolean json = false;
    boolean fit = false;
    double targetBpcer = 0.05;
    int sessionFrames = 20;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    Path attackScores = null;
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--datasets" -> datasets = Path.of(args[++i]);
          case "--json" -> json = true;
          case "--fit" -> fit = true;
          case "--target-bpcer" -> targetBpcer = Double.parseDouble(args[++i]);
          case "--session-frames" -> sessionFrames = Integer.parseInt(args[++i]);
          case "--threads" -> threads = Integer.parseInt(args[++i]);
          case "--attack-scores" -> attackScores = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (datasets == null) throw new IllegalArgumentException("--datasets DIR is required");
      if (!(targetBpcer > 0 && targetBpcer < 1)) throw new IllegalArgumentException("--target-bpcer must be in (0, 1)");
      if (sessionFrames < 3) throw new IllegalArgumentException("--session-frames must be at least 3");
      if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("sightline eval: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value"
          : e.getMessage()));
      err.print(EvalCommand.USAGE);
      return 2;
    }
    if (!Files.isDirectory(datasets.resolve("antispoof/msu-mfsd-firstframes"))) {
      err.println("sightline eval: no antispoof/msu-mfsd-firstframes under " + datasets);
      return 2;
    }
    if (!VideoFrames.ffmpegAvailable()) {
      err.println("sightline eval: the focus-blink clips are AVI files; install ffmpeg (apt-get install ffmpeg)");
      return 2;
    }
    long started = System.nanoTime();
    List<Observation> observations;
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.detectionOnly()
        .withAttributes(Set.of(FaceAttribute.LANDMARKS, FaceAttribute.QUALITY, FaceAttribute.LIVENESS,
            FaceAttribute.MINIFASNET)))) {
      observations = observe(analyzer, datasets, threads, err);
    }
    double analysedSeconds = (System.nanoTime() - started) / 1e9;
    LivenessPolicy policy = LivenessPolicy.defaults();
    var figures = new LinkedHashMap<String, Object>();
    if (fit) {
      policy = fitPolicy(observations, sessionFrames, out, figures, json);
    }
    List<Session> sessions = sessions(observations, policy, sessionFrames);
    report(observations, sessions, policy, targetBpcer, sessionFrames, out, figures, json);
    if (attackScores != null) {
      writeAttackScores(sessions, attackScores);
    }
    figures.put("frames", observations.size());
    figures.put("analysisSeconds", analysedSeconds);
    figures.put("seconds", (System.nanoTime() - started) / 1e9);
    if (json) {
      out.println(EvalCommand.toJson(figures));
    } else {
      out.printf(Locale.ROOT, "%n%d frames analysed in %.1f s on %d threads; %.1f s in all%n", observations.size(),
          analysedSeconds, threads, (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }

  /**
   * Writes the test part's attack sessions as {@code attack_type,score} lines (the fused passive score, empty when no
   * frame was usable): what the app's calibration page reads ({@code sightline.biometrics.liveness.attack-scores})
   * to show APCER per attack type at a proposed threshold. Scores only: no image, no path, no person.
   */
  private static void writeAttackScores(List<Session> sessions, Path target) {
    var lines = new ArrayList<String>();
    lines.add("attack_type,score");
    for (Session s : sessions) {
      if (s.part() == Part.TEST && !s.bonaFide()) {
        double score = s.decision().passiveScore();
        lines.add(s.attackType() + "," + (Double.isNaN(score) ? "" : String.format(Locale.ROOT, "%.6f", score)));
      }
    }
    try {
      Files.write(target, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- reading and analysing every source ------------------------------------------------------------------------

  private record Job(String source, String attackType, Part part, String sequence, int index, FaceChoice choice,
      Image image) {
  }

  static List<Observation> observe(FaceAnalyzer analyzer, Path datasets, int threads, PrintStream err) {
    var jobs = new ArrayList<Job>();
    var decoder = ImageDecoder.withDefaults();
    Path msu = datasets.resolve("antispoof/msu-mfsd-firstframes");
    for (LabelledImages.Entry entry : LabelledImages.read(msu)) {
      Part part = "train".equals(entry.split()) ? Part.FIT : Part.TEST;
      try {
        jobs.add(new Job("MSU-MFSD", entry.attackType(), part, msu.relativize(entry.image()).toString(), 0,
            FaceChoice.LARGEST, asSent(decoder.decode(entry.image()))));
      } catch (ImageRejected | UncheckedIOException e) {
        err.println("sightline eval: skipping " + entry.image() + ": " + e.getMessage());
      }
    }
    for (ClipSpec clip : CLIPS) {
      Path file = datasets.resolve(clip.path());
      var frames = new ArrayList<Image>();
      int step = Math.max(1, (int) Math.round(clip.fps() * FRAME_SPACING_SECONDS));
      try (var video = VideoFrames.open(file)) {
        byte[] jpeg;
        for (int i = 0; (jpeg = video.next()) != null; i++) {
          double t = i / clip.fps();
          if (i % step == 0 && t >= clip.fromSeconds() && t <= clip.toSeconds()) frames.add(asSent(decoder.decode(jpeg)));
        }
      }
      boolean attack = !clip.attackType().equals(BONA_FIDE);
      int half = attack ? 0 : frames.size() / 2;
      for (int i = 0; i < frames.size(); i++) {
        Part part = i < half ? Part.FIT : Part.TEST;
        jobs.add(new Job(clip.source(), clip.attackType(), part, clip.source(), i, clip.face(), frames.get(i)));
      }
    }
    for (SyntheticAttacks subject : SyntheticAttacks.fixtures(analyzer)) {
      for (SyntheticAttacks.Sequence sequence : subject.sequences(16)) {
        for (int i = 0; i < sequence.frames().size(); i++) {
          jobs.add(new Job("synthetic " + sequence.attackType().replace('_', ' '), sequence.attackType(), Part.TEST,
              sequence.name(), i, FaceChoice.LARGEST, sequence.frames().get(i)));
        }
      }
    }
    var progress = new EvalCommand.Progress(err, jobs.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<Observation>>(jobs.size());
      var done = new java.util.concurrent.atomic.AtomicInteger();
      for (Job job : jobs) {
        futures.add(pool.submit(() -> {
          List<DetectedFace> faces = analyzer.analyze(job.image());
          Observation o = new Observation(job.source(), job.attackType(), job.part(), job.sequence(), job.index(),
              job.image().width(), job.image().height(), choose(faces, job.choice(), job.image().width()));
          progress.update(done.incrementAndGet());
          return o;
        }));
      }
      var observations = new ArrayList<Observation>(jobs.size());
      for (Future<Observation> f : futures) observations.add(f.get());
      return observations;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("analysis failed", e.getCause());
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
  }

  /** A frame as the product's client sends it: at most 640 pixels a side (larger frames are shrunk). */
  static Image asSent(Image image) {
    int longest = Math.max(image.width(), image.height());
    if (longest <= 640) return image;
    double k = 640.0 / longest;
    int w = (int) Math.round(image.width() * k), h = (int) Math.round(image.height() * k);
    var scaled = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    var g = scaled.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image.toBufferedImage(), 0, 0, w, h, null);
    g.dispose();
    return Image.fromBufferedImage(scaled);
  }

  private static @Nullable DetectedFace choose(List<DetectedFace> faces, FaceChoice choice, int width) {
    return switch (choice) {
      case LARGEST -> faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
      case LEFT -> faces.stream().filter(f -> f.box().centre().x() < width / 2.0)
          .max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
      case RIGHT -> faces.stream().filter(f -> f.box().centre().x() >= width / 2.0)
          .max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
    };
  }

  // ---- sessions ----------------------------------------------------------------------------------------------------

  static List<Session> sessions(List<Observation> observations, LivenessPolicy policy, int sessionFrames) {
    var bySequence = new LinkedHashMap<List<Object>, List<Observation>>();
    for (Observation o : observations) {
      bySequence.computeIfAbsent(List.of(o.source(), o.sequence(), o.part()), k -> new ArrayList<>()).add(o);
    }
    var sessions = new ArrayList<Session>();
    for (List<Observation> sequence : bySequence.values()) {
      sequence.sort(Comparator.comparingInt(Observation::index));
      boolean still = sequence.size() == 1;   // a photo of a data set: one frame is the whole session
      LivenessPolicy p = still ? policy.withMinFrames(1) : policy;
      int windows = Math.max(1, (sequence.size() + sessionFrames / 2) / sessionFrames);
      for (int w = 0; w < windows; w++) {
        List<Observation> window = sequence.subList(w * sessionFrames,
            w == windows - 1 ? sequence.size() : Math.min(sequence.size(), (w + 1) * sessionFrames));
        var evidence = new ArrayList<FrameEvidence>();
        for (Observation o : window) {
          if (o.face() != null) evidence.add(p.judgeFrame(o.face(), o.frameWidth(), o.frameHeight()));
        }
        Observation first = window.getFirst();
        sessions.add(new Session(first.source(), first.attackType(), first.part(), first.sequence(), window, evidence,
            p.judgeSession(evidence)));
      }
    }
    return sessions;
  }

  // ---- fitting the default policy -------------------------------------------------------------------------------

  /**
   * Fits the policy's numbers on the fit part only: the fusion weights (MSU-MFSD train and the first half of every
   * live clip, usable frames), then the single threshold (the lowest at which every MSU-MFSD train attack type has
   * APCER ≤ 10%), the motion thresholds (0.05 outside the live fit sessions' range, so that no live fit session is
   * refused by motion), and the threshold with motion (the highest, up to the threshold, that keeps BPCER ≤ 5%
   * over the live fit sessions whose motion showed a 3-D head, when there are at least
   * {@value #MIN_SESSIONS_TO_RELAX} of them; else the threshold itself).
   */
  static LivenessPolicy fitPolicy(List<Observation> observations, int sessionFrames, PrintStream out,
      Map<String, Object> figures, boolean json) {
    LivenessPolicy start = LivenessPolicy.defaults();
    var examples = new ArrayList<FusionFit.Example>();
    for (Observation o : observations) {
      if (o.part() != Part.FIT || o.face() == null) continue;
      if (!start.judgeFrame(o.face(), o.frameWidth(), o.frameHeight()).usable()) continue;
      DetectedFace f = o.face();
      examples.add(new FusionFit.Example(o.source(), o.bonaFide(), new double[] {
          PassiveLivenessRule.logOdds(Objects.requireNonNull(f.liveness()).liveScore()),
          PassiveLivenessRule.logOdds(Objects.requireNonNull(f.miniFasNet()).v2LiveScore()),
          PassiveLivenessRule.logOdds(f.miniFasNet().v1seLiveScore())}));
    }
    FusionFit.Coefficients c = FusionFit.fit(examples);
    var weights = new PassiveLivenessRule(c.bias(), c.frLiveness(), c.miniFasNetV2(), c.miniFasNetV1se(), 1, 0);
    // Motion thresholds from the live fit sessions (motion does not depend on the passive numbers).
    List<Session> fitSessions = sessions(observations.stream().filter(o -> o.part() == Part.FIT).toList(),
        start.withPassive(weights), sessionFrames);
    double minPlanar = 1, maxRigid = 0;
    int moving = 0;
    for (Session s : fitSessions) {
      MotionEvidence m = s.decision().motion();
      if (!s.bonaFide() || m.verdict() == MotionEvidence.Verdict.TOO_LITTLE_MOTION) continue;
      moving++;
      minPlanar = Math.min(minPlanar, m.nonPlanarity());
      maxRigid = Math.max(maxRigid, m.nonRigidity());
    }
    MotionRule d = MotionRule.defaults();
    MotionRule motion = moving == 0 ? d : new MotionRule(d.minDeformation(), d.minMovingFrames(),
        round2(Math.max(0, minPlanar - 0.05)), round2(Math.min(1, maxRigid + 0.05)), d.contourWeight());
    LivenessPolicy withMotion = start.withPassive(weights).withMotion(motion);
    fitSessions = sessions(observations.stream().filter(o -> o.part() == Part.FIT).toList(), withMotion, sessionFrames);
    // The single threshold: the lowest candidate at which every MSU-MFSD train attack type has APCER <= 10%.
    var attackScores = new TreeMap<String, List<Double>>();
    var liveMotionScores = new ArrayList<Double>();
    for (Session s : fitSessions) {
      if (s.source().equals("MSU-MFSD") && !s.bonaFide()) {
        attackScores.computeIfAbsent(s.attackType(), k -> new ArrayList<>()).add(s.decision().passiveScore());
      }
      if (s.bonaFide() && s.decision().motion().verdict() == MotionEvidence.Verdict.THREE_D) {
        liveMotionScores.add(s.decision().passiveScore());
      }
    }
    double threshold = 0;
    for (List<Double> scores : attackScores.values()) {
      double[] sorted = scores.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
      int allowed = (int) Math.floor(0.10 * scores.size() + 1e-9);
      // accepting at most `allowed` of them: the threshold must exceed the (allowed+1)-th highest score
      if (sorted.length > allowed) threshold = Math.max(threshold, Math.nextUp(sorted[sorted.length - 1 - allowed]));
    }
    threshold = Math.min(1, Math.ceil(threshold * 1000) / 1000);
    // Relaxing the threshold for sessions with 3-D motion needs evidence: without enough live sessions that turned,
    // the single threshold stays (a site calibration with staff sessions that include turns can relax it).
    double withMotionThreshold = liveMotionScores.size() < MIN_SESSIONS_TO_RELAX ? threshold : Math.min(threshold,
        Math.floor(LivenessCalibration.thresholdForBpcer(
            liveMotionScores.stream().mapToDouble(Double::doubleValue).toArray(), 0.05) * 1000) / 1000);
    PassiveLivenessRule passive = new PassiveLivenessRule(round3(c.bias()), round3(c.frLiveness()),
        round3(c.miniFasNetV2()), round3(c.miniFasNetV1se()), threshold, withMotionThreshold);
    LivenessPolicy fitted = start.withPassive(passive).withMotion(motion);
    figures.put("fit.bias", passive.bias());
    figures.put("fit.frLivenessWeight", passive.frLivenessWeight());
    figures.put("fit.miniFasNetV2Weight", passive.miniFasNetV2Weight());
    figures.put("fit.miniFasNetV1seWeight", passive.miniFasNetV1seWeight());
    figures.put("fit.threshold", passive.threshold());
    figures.put("fit.thresholdWithMotion", passive.thresholdWithMotion());
    figures.put("fit.planarBelow", motion.planarBelow());
    figures.put("fit.rigidAbove", motion.rigidAbove());
    if (!json) {
      var perSource = new TreeMap<String, int[]>();
      for (FusionFit.Example e : examples) perSource.computeIfAbsent(e.source() + (e.live() ? "" : " (attacks)"),
          k -> new int[1])[0]++;
      out.println("Fit (fit part only): logistic fusion on " + examples.size() + " usable frames, each source weighing"
          + " the same: " + perSource.entrySet().stream().map(en -> en.getKey() + " " + en.getValue()[0]).toList());
      out.printf(Locale.ROOT, "  new PassiveLivenessRule(%.3f, %.3f, %.3f, %.3f, %.3f, %.3f)%n", passive.bias(),
          passive.frLivenessWeight(), passive.miniFasNetV2Weight(), passive.miniFasNetV1seWeight(),
          passive.threshold(), passive.thresholdWithMotion());
      out.printf(Locale.ROOT, "  threshold: lowest with APCER <= 10%% for each MSU-MFSD train attack type (15 each)%n");
      out.printf(Locale.ROOT, "  thresholdWithMotion: BPCER <= 5%% over the live fit sessions with 3-D motion, when there"
          + " are at least %d (here %d)%n", MIN_SESSIONS_TO_RELAX, liveMotionScores.size());
      out.printf(Locale.ROOT, "  new MotionRule(%.2f, %d, %.2f, %.2f, %.2f) from %d live fit sessions that moved%n%n",
          motion.minDeformation(), motion.minMovingFrames(), motion.planarBelow(), motion.rigidAbove(),
          motion.contourWeight(), moving);
    }
    return fitted;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  // ---- reporting ---------------------------------------------------------------------------------------------------

  /** Errors out of presentations, as text: {@code 3/20 15%}. */
  private record Count(int errors, int total) {
    double rate() {
      return total == 0 ? Double.NaN : (double) errors / total;
    }

    @Override
    public String toString() {
      return total == 0 ? "-" : String.format(Locale.ROOT, "%d/%d %.0f%%", errors, total, 100 * rate());
    }
  }

  private static void report(List<Observation> observations, List<Session> sessions, LivenessPolicy policy,
      double targetBpcer, int sessionFrames, PrintStream out, Map<String, Object> figures, boolean json) {
    PassiveLivenessRule passive = policy.passive();
    if (!json) {
      out.printf(Locale.ROOT, "Liveness policy: fusion %.3f %+.3f·fr %+.3f·v2 %+.3f·v1se; threshold %.3f (%.3f with "
          + "3-D motion); motion: moving >= %.2f, planar < %.2f, non-rigid > %.2f; quality: face >= %.0f px, "
          + "brightness %.2f-%.2f, sharpness >= %.0f, backlight <= %.2f%n", passive.bias(), passive.frLivenessWeight(),
          passive.miniFasNetV2Weight(), passive.miniFasNetV1seWeight(), passive.threshold(),
          passive.thresholdWithMotion(), policy.motion().minDeformation(), policy.motion().planarBelow(),
          policy.motion().rigidAbove(), policy.quality().minFaceSizePx(), policy.quality().minBrightness(),
          policy.quality().maxBrightness(), policy.quality().minSharpness(), policy.quality().maxBacklight());
      out.printf(Locale.ROOT, "Sessions: %d sampled frames (about %.0f ms apart, %.1f s); MSU-MFSD: one still per "
          + "session. Rates: BPCER (live refused as spoof) for live sources, APCER (attack accepted) for attacks;%n"
          + "'retry' = refused for quality, not as spoof. Alone: fr_liveness >= %.2f, MiniFASNet >= %.2f, fused >= "
          + "threshold, on the same usable frames.%n", sessionFrames, 1000 * FRAME_SPACING_SECONDS,
          sessionFrames * FRAME_SPACING_SECONDS, FR_LIVENESS_ALONE, MINIFASNET_ALONE, FR_LIVENESS_ALONE);
      out.printf(Locale.ROOT, "%n  %-34s %-4s %-14s | %-12s %-11s | %-12s %-12s %-12s | %-14s %s%n", "source",
          "part", "attack type", "decision", "retry", "fused alone", "fr_liveness", "MiniFASNet", "motion error",
          "motion: 3-D/planar/non-rigid/still");
    }
    var groups = new LinkedHashMap<List<Object>, List<Session>>();
    for (Part part : Part.values()) {
      for (Session s : sessions) {
        if (s.part() == part) groups.computeIfAbsent(List.of(s.source(), s.part(), s.attackType()), k -> new ArrayList<>()).add(s);
      }
    }
    groups.forEach((key, group) -> {
      boolean live = group.getFirst().bonaFide();
      Count decision = count(group, s -> live ? s.decision().verdict() == LivenessDecision.Verdict.SPOOF
          : s.decision().live());
      Count retry = count(group, s -> s.decision().verdict() == LivenessDecision.Verdict.RETRY);
      Count fused = count(group, s -> wrong(live, median(s.evidence(), FrameEvidence::score), passive.threshold()));
      Count fr = count(group, s -> wrong(live, median(s.evidence(), FrameEvidence::frLivenessScore), FR_LIVENESS_ALONE));
      Count mini = count(group, s -> wrong(live, median(s.evidence(), FrameEvidence::miniFasNetScore), MINIFASNET_ALONE));
      Count motion = count(group, s -> live == s.decision().motion().refuses());
      var verdicts = new EnumMap<MotionEvidence.Verdict, Integer>(MotionEvidence.Verdict.class);
      for (MotionEvidence.Verdict v : MotionEvidence.Verdict.values()) verdicts.put(v, 0);
      for (Session s : group) verdicts.merge(s.decision().motion().verdict(), 1, Integer::sum);
      String name = key.get(0) + "." + key.get(1).toString().toLowerCase(Locale.ROOT) + "." + key.get(2);
      figures.put(name + ".sessions", group.size());
      figures.put(name + (live ? ".bpcer" : ".apcer"), decision.rate());
      figures.put(name + ".retry", retry.rate());
      figures.put(name + ".fusedAlone", fused.rate());
      figures.put(name + ".frLivenessAlone", fr.rate());
      figures.put(name + ".miniFasNetAlone", mini.rate());
      figures.put(name + ".motionRefuses", motion.rate());
      if (!json) {
        out.printf(Locale.ROOT, "  %-34s %-4s %-14s | %-12s %-11s | %-12s %-12s %-12s | %-14s %s%n", key.get(0),
            key.get(1).toString().toLowerCase(Locale.ROOT), key.get(2), decision, retry, fused, fr, mini,
            live ? motion : count(group, s -> !s.decision().motion().refuses()),
            verdicts.values().stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse(""));
      }
    });
    if (!json) {
      out.println("  motion error: live sessions the motion cue refused, attacks it did not refuse (it refuses PLANAR and"
          + " NOT_RIGID only; a still session leaves the decision to the passive models)");
      out.printf(Locale.ROOT, "%nMotion cue per session that moved (non-planar share / non-rigid share, moving frames, "
          + "largest deformation):%n");
      var motionLines = new TreeMap<String, List<String>>();
      for (Session s : sessions) {
        MotionEvidence m = s.decision().motion();
        if (m.movingFrames() == 0) continue;
        motionLines.computeIfAbsent(s.source() + " " + s.part().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(String.format(Locale.ROOT, "%s %.2f/%.2f (%d, %.2f)", m.verdict().name().toLowerCase(Locale.ROOT)
                .replace("_", " "), m.nonPlanarity(), m.nonRigidity(), m.movingFrames(), m.deformation()));
      }
      motionLines.forEach((k, v) -> out.printf(Locale.ROOT, "  %-40s %s%n", k, String.join("; ", v)));
    }
    frameReport(observations, policy, out, figures, json);
    proposals(sessions, targetBpcer, out, figures, json);
  }

  private static boolean wrong(boolean live, double score, double threshold) {
    boolean accepted = !Double.isNaN(score) && score >= threshold;
    return live != accepted;
  }

  private static Count count(List<Session> group, java.util.function.Predicate<Session> error) {
    return new Count((int) group.stream().filter(error).count(), group.size());
  }

  private static double median(List<FrameEvidence> evidence, Function<FrameEvidence, Double> score) {
    double[] v = evidence.stream().filter(FrameEvidence::usable).mapToDouble(score::apply).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Per frame: the single-frame verdicts, each model alone and the quality refusals with their reasons. */
  private static void frameReport(List<Observation> observations, LivenessPolicy policy, PrintStream out,
      Map<String, Object> figures, boolean json) {
    if (!json) {
      out.printf(Locale.ROOT, "%nPer frame (every sampled frame; a frame without a face is never accepted):%n");
      out.printf(Locale.ROOT, "  %-34s %-4s %-14s | %-13s %-13s | %-13s %-13s %-13s | %-15s %s%n", "source",
          "part", "attack type", "decision", "poor quality", "fused alone", "fr_liveness", "MiniFASNet",
          "backlight p50/max", "quality problems");
    }
    var groups = new LinkedHashMap<List<Object>, List<Observation>>();
    for (Part part : Part.values()) {
      for (Observation o : observations) {
        if (o.part() == part) groups.computeIfAbsent(List.of(o.source(), o.part(), o.attackType()), k -> new ArrayList<>()).add(o);
      }
    }
    groups.forEach((key, group) -> {
      boolean live = group.getFirst().bonaFide();
      int n = group.size(), decisionErrors = 0, poor = 0, fusedErrors = 0, frErrors = 0, miniErrors = 0;
      var problems = new TreeMap<String, Integer>();
      var backlight = new ArrayList<Double>();
      for (Observation o : group) {
        if (o.face() != null && o.face().quality() != null && !Double.isNaN(o.face().quality().backlight())) {
          backlight.add(o.face().quality().backlight());
        }
        if (o.face() == null) {
          if (live) {
            decisionErrors++;
            fusedErrors++;
            frErrors++;
            miniErrors++;
          }
          continue;
        }
        FrameEvidence e = policy.judgeFrame(o.face(), o.frameWidth(), o.frameHeight());
        boolean accepted = e.verdict() == FrameEvidence.Verdict.LIVE;
        if (e.verdict() == FrameEvidence.Verdict.INSUFFICIENT_QUALITY) {
          poor++;
          e.problems().forEach(p -> problems.merge(p.name(), 1, Integer::sum));
        }
        if (live ? e.verdict() == FrameEvidence.Verdict.SPOOF : accepted) decisionErrors++;
        if (live != (e.score() >= policy.passive().threshold())) fusedErrors++;
        if (live != (e.frLivenessScore() >= FR_LIVENESS_ALONE)) frErrors++;
        if (live != (e.miniFasNetScore() >= MINIFASNET_ALONE)) miniErrors++;
      }
      String name = "frame." + key.get(0) + "." + key.get(1).toString().toLowerCase(Locale.ROOT) + "." + key.get(2);
      figures.put(name + (live ? ".bpcer" : ".apcer"), new Count(decisionErrors, n).rate());
      figures.put(name + ".poorQuality", new Count(poor, n).rate());
      if (!json) {
        double[] b = backlight.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "  %-34s %-4s %-14s | %-13s %-13s | %-13s %-13s %-13s | %-15s %s%n", key.get(0),
            key.get(1).toString().toLowerCase(Locale.ROOT), key.get(2), new Count(decisionErrors, n), new Count(poor, n),
            new Count(fusedErrors, n), new Count(frErrors, n), new Count(miniErrors, n), b.length == 0 ? "-"
                : String.format(Locale.ROOT, "%+.2f/%+.2f", b[b.length / 2], b[b.length - 1]),
            problems.isEmpty() ? "" : problems.toString());
      }
    });
  }

  /**
   * The thresholds a calibration would propose: from the live fit sessions pooled, and per live source from its own
   * fit half (what a site calibrating on that camera would get), each with the rates it gives on the test part.
   */
  private static void proposals(List<Session> sessions, double targetBpcer, PrintStream out,
      Map<String, Object> figures, boolean json) {
    var liveFit = new TreeMap<String, List<Double>>();
    for (Session s : sessions) {
      if (s.bonaFide() && s.part() == Part.FIT) {
        liveFit.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s.decision().passiveScore());
      }
    }
    double[] pooled = liveFit.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    if (pooled.length == 0) return;
    double proposed = LivenessCalibration.thresholdForBpcer(pooled, targetBpcer);
    figures.put("proposed.pooled", proposed);
    if (!json) {
      out.printf(Locale.ROOT, "%nProposed fused-score thresholds for BPCER <= %.0f%% (sessions; passive score only, "
          + "as a calibration would show them):%n", 100 * targetBpcer);
      out.printf(Locale.ROOT, "  %-40s %9s  | test part at that threshold%n", "calibrated on (fit part)", "threshold");
      out.printf(Locale.ROOT, "  %-40s %9.4f  | %s%n", "all live sources pooled (" + pooled.length + " sessions)",
          proposed, testRates(sessions, proposed));
    }
    liveFit.forEach((source, scores) -> {
      String label = source + " (" + scores.size() + (scores.size() == 1 ? " session)" : " sessions)");
      if (scores.stream().allMatch(v -> Double.isNaN(v))) {
        if (!json) out.printf(Locale.ROOT, "  %-40s %9s  | no usable frame to calibrate on (quality)%n", label, "-");
        return;
      }
      double t = LivenessCalibration.thresholdForBpcer(scores.stream().mapToDouble(Double::doubleValue).toArray(),
          targetBpcer);
      figures.put("proposed." + source, t);
      if (!json) out.printf(Locale.ROOT, "  %-40s %9.4f  | %s%n", label, t, testRates(sessions, t));
    });
  }

  /** BPCER of every live source and APCER of every attack type on the test part, by the passive score alone. */
  private static String testRates(List<Session> sessions, double threshold) {
    var live = new TreeMap<String, List<Session>>();
    var attacks = new TreeMap<String, List<Session>>();
    for (Session s : sessions) {
      if (s.part() != Part.TEST) continue;
      (s.bonaFide() ? live : attacks).computeIfAbsent(s.bonaFide() ? s.source() : s.attackType(),
          k -> new ArrayList<>()).add(s);
    }
    var parts = new ArrayList<String>();
    live.forEach((source, group) -> parts.add(source + " " + count(group,
        s -> Double.isNaN(s.decision().passiveScore()) || s.decision().passiveScore() < threshold)));
    var refused = new ArrayList<String>();
    attacks.forEach((type, group) -> refused.add(type + " " + count(group,
        s -> !Double.isNaN(s.decision().passiveScore()) && s.decision().passiveScore() >= threshold)));
    return "BPCER " + String.join(", ", parts) + "; APCER " + String.join(", ", refused);
  }
}
