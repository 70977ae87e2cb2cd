package sightline.vision.eval;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.face.AttentionTracker;
import sightline.vision.face.EngagementAnalyzer;
import sightline.vision.face.EngagementFrame;
import sightline.vision.model.ModelStore;

/**
 * The engagement path's cost per frame as the server pays it: students at one frame per second, each with an
 * {@link AttentionTracker}, so the detector runs only every few frames. Frames come from {@code --video} (every
 * 30th frame: one per second of a 30 fps clip) or, without it, from a synthetic sequence: the one-face camera frame
 * of {@code eval speed}, shifted by a random walk of about 6 px and turned by up to 8 degrees from second to second
 * (a student who fidgets), re-encoded as JPEG. Reports the calling thread's CPU and wall time per frame at p50 and
 * p99 and their mean (the amortised cost), for one student and for many students interleaved on one thread, and
 * the share of frames on which the detector ran. Decoding is measured apart.
 */
final class EngagementSpeed {

  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
  private static final int SYNTHETIC_FRAMES = 60;

  private EngagementSpeed() {
  }

  static void measure(Map<String, Object> figures, @Nullable Path video, int students, int iterations,
      byte[] cameraFrame) {
    List<byte[]> jpegs = video != null ? everyThirtieth(video) : synthetic(cameraFrame);
    if (jpegs.isEmpty()) throw new IllegalArgumentException("no frames in " + video);
    figures.put("engagementFrames", video != null ? video + ", every 30th frame (" + jpegs.size() + ")"
        : SYNTHETIC_FRAMES + " synthetic frames of one fidgeting face");
    var decoder = ImageDecoder.withDefaults();
    var images = new ArrayList<Image>();
    var decode = new Timings();
    for (int round = 0; round < 3; round++) {
      for (byte[] jpeg : jpegs) {
        long[] t = decode.start();
        Image image = decoder.decode(jpeg);
        decode.stop(t, round > 0);
        if (round == 0) images.add(image);
      }
    }
    figures.put("engagementDecodeMs", decode.summary());
    try (var analyzer = EngagementAnalyzer.load(ModelStore.atDefaultLocation(), EngagementAnalyzer.Options.defaults())) {
      // Warm-up: one pass of a throw-away student.
      run(analyzer, images, 1, images.size(), new Timings(), true);
      int steps = Math.max(iterations, 2 * images.size());
      figures.put("engagementOneStudentMs", run(analyzer, images, 1, steps, new Timings(), true));
      int perStudent = Math.max(10, Math.max(iterations, 2 * images.size()) / Math.max(1, students) + 1);
      figures.put("engagement" + students + "StudentsMs", run(analyzer, images, students, perStudent, new Timings(), true));
    }
  }

  /** {@code students} trackers, each starting at its own frame, one frame each per simulated second, round-robin. */
  private static String run(EngagementAnalyzer analyzer, List<Image> images, int students, int steps, Timings timings,
      boolean record) {
    var trackers = new AttentionTracker[students];
    for (int s = 0; s < students; s++) trackers[s] = analyzer.newTracker();
    int detected = 0, calls = 0;
    for (int step = 0; step < steps; step++) {
      for (int s = 0; s < students; s++) {
        Image image = images.get((step + s * 7) % images.size());
        long[] t = timings.start();
        EngagementFrame frame = analyzer.analyze(image, T0.plusSeconds(step), trackers[s]);
        timings.stop(t, record);
        if (frame.detected()) detected++;
        calls++;
      }
    }
    return timings.summary() + String.format(Locale.ROOT, "; detector on %.0f%% of %d frames", 100.0 * detected / calls,
        calls);
  }

  private static List<byte[]> everyThirtieth(Path video) {
    var out = new ArrayList<byte[]>();
    try (var frames = VideoFrames.open(video)) {
      byte[] jpeg;
      for (int i = 0; (jpeg = frames.next()) != null; i++) {
        if (i % 30 == 0) out.add(jpeg);
      }
    }
    return out;
  }

  private static List<byte[]> synthetic(byte[] cameraFrame) {
    BufferedImage base = ImageDecoder.withDefaults().decode(cameraFrame).toBufferedImage();
    var random = new Random(42);
    double x = 0, y = 0, angle = 0;
    var out = new ArrayList<byte[]>();
    for (int i = 0; i < SYNTHETIC_FRAMES; i++) {
      x = Math.clamp(x + 6 * random.nextGaussian(), -60, 60);
      y = Math.clamp(y + 4 * random.nextGaussian(), -40, 40);
      angle = Math.clamp(angle + 3 * random.nextGaussian(), -8, 8);
      var frame = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
      var g = frame.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.DARK_GRAY);
      g.fillRect(0, 0, base.getWidth(), base.getHeight());
      var transform = new AffineTransform();
      transform.translate(x, y);
      transform.rotate(Math.toRadians(angle), base.getWidth() / 2.0, base.getHeight() / 2.0);
      g.drawImage(base, transform, null);
      g.dispose();
      out.add(Image.fromBufferedImage(frame).toJpeg(0.8f));
    }
    return out;
  }

  /** Wall and thread CPU time of the calls between {@link #start} and {@link #stop}. */
  private static final class Timings {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<long[]> samples = new ArrayList<>();

    long[] start() {
      return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    void stop(long[] started, boolean record) {
      long wall = System.nanoTime() - started[0];
      long cpu = THREADS.getCurrentThreadCpuTime() - started[1];
      if (record) samples.add(new long[] {wall, cpu});
    }

    String summary() {
      long[] wall = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
      long[] cpu = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
      return String.format(Locale.ROOT, "cpu p50 %.2f ms, p99 %.2f ms, mean %.2f ms; wall p50 %.2f ms, p99 %.2f ms, "
          + "mean %.2f ms", ms(cpu, 0.5), ms(cpu, 0.99), mean(cpu), ms(wall, 0.5), ms(wall, 0.99), mean(wall));
    }

    private static double ms(long[] sorted, double quantile) {
      return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static double mean(long[] values) {
      return Arrays.stream(values).average().orElse(Double.NaN) / 1e6;
    }
  }
}
