package sightline.vision.eval;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import java.util.ArrayList;
import java.util.List;
import sightline.vision.Point;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.MotionRule;
import sightline.vision.model.ModelStore;

/**
 * {@code eval speed}: single-thread latency of decoding and of the face paths on a 640x480 camera-sized JPEG (by
 * default a one-face crop of sample1 scaled to 640x480 with an sRGB ICC profile embedded, as phone and webcam JPEGs
 * often carry one). A quick check, not a JMH benchmark: it warms up, then reports p50 and p90 of the calling
 * thread's wall time and of its CPU time. ONNX Runtime runs each session on the calling thread (one intra-op
 * thread), so the CPU time is the one-core cost even when other processes share the machine.
 */
final class SpeedCheck {

  private SpeedCheck() {
  }

  static int run(@Nullable Path imageFile, int iterations, boolean json, PrintStream out, PrintStream err) {
    return run(imageFile, iterations, json, null, 30, out, err);
  }

  /** As above, then the engagement path over a sequence of frames ({@link EngagementSpeed}). */
  static int run(@Nullable Path imageFile, int iterations, boolean json, @Nullable Path video, int students,
      PrintStream out, PrintStream err) {
    byte[] frame = imageFile != null ? read(imageFile) : cameraFrame();
    byte[] withoutProfile = imageFile != null ? frame : stripIcc(frame);
    var decoder = ImageDecoder.withDefaults();
    Image image = decoder.decode(frame);
    var figures = new LinkedHashMap<String, Object>();
    figures.put("image", imageFile != null ? imageFile.toString() : "one face of sample1 as a 640x480 JPEG with an ICC profile");
    figures.put("width", image.width());
    figures.put("height", image.height());
    figures.put("bytes", frame.length);
    figures.put("iterations", iterations);
    measure(figures, "decodeImageIoReadMs", iterations, () -> imageIoRead(frame));
    if (imageFile == null) {
      measure(figures, "decodeImageIoReadNoProfileMs", iterations, () -> imageIoRead(withoutProfile));
    }
    measure(figures, "decodeSightlineMs", iterations, () -> decoder.decode(frame));
    try (var analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.defaults())) {
      int faces = analyzer.analyze(image).size();
      figures.put("faces", faces);
      measure(figures, "detectMs", iterations, () -> analyzer.analyze(image, Set.of()));
      var verification = Set.of(FaceAttribute.LANDMARKS, FaceAttribute.EMBEDDING, FaceAttribute.QUALITY);
      var engagement = Set.of(FaceAttribute.POSE, FaceAttribute.EYES);
      measure(figures, "engagementPathMs", iterations, () -> analyzer.analyze(image, engagement));
      measure(figures, "verificationPathMs", iterations, () -> analyzer.analyze(image, verification));
      measure(figures, "everythingMs", iterations, () -> analyzer.analyze(image));
      measure(figures, "decodePlusVerificationPathMs", iterations,
          () -> analyzer.analyze(decoder.decode(frame), verification));
      // The liveness session's per-frame path in the app today, then with MiniFASNet and quality added.
      var livenessToday = Set.of(FaceAttribute.LANDMARKS, FaceAttribute.EMBEDDING, FaceAttribute.POSE,
          FaceAttribute.EYES, FaceAttribute.LIVENESS);
      var livenessNow = java.util.EnumSet.copyOf(livenessToday);
      livenessNow.add(FaceAttribute.MINIFASNET);
      livenessNow.add(FaceAttribute.QUALITY);
      measure(figures, "livenessPathFrLivenessOnlyMs", iterations, () -> analyzer.analyze(image, livenessToday));
      measure(figures, "livenessPathWithMiniFasNetAndQualityMs", iterations, () -> analyzer.analyze(image, livenessNow));
      measure(figures, "detectAgainMs", iterations, () -> analyzer.analyze(image, Set.of()));
      measure(figures, "detectPlusMiniFasNetMs", iterations,
          () -> analyzer.analyze(image, Set.of(FaceAttribute.MINIFASNET)));
      var face = analyzer.analyze(image, Set.of(FaceAttribute.LANDMARKS)).getFirst();
      List<FaceLandmarks> session = movingSession(java.util.Objects.requireNonNull(face.landmarks()), 20);
      var rule = MotionRule.defaults();
      measure(figures, "motionCue20FrameSessionMs", Math.max(10, iterations / 4),
          () -> rule.evaluate(session, image.width(), image.height()));
    }
    EngagementSpeed.measure(figures, video, students, iterations, imageFile != null ? frame : cameraFrame());
    if (json) {
      out.println(EvalCommand.toJson(figures));
    } else {
      out.printf(Locale.ROOT, "Single-thread latency, %s (%dx%d, %d bytes, %s faces), %d runs after warm-up%n",
          figures.get("image"), image.width(), image.height(), frame.length, figures.get("faces"), iterations);
      figures.forEach((key, value) -> {
        if (key.endsWith("Ms")) {
          out.printf(Locale.ROOT, "  %-40s %s%n", key.substring(0, key.length() - 2), value);
        }
      });
      out.println("  engagement frames: " + figures.get("engagementFrames") + ", one per student per second");
    }
    return 0;
  }

  /**
   * A session in which every frame moved enough for the motion cue to run all its fits: the landmarks under a
   * growing perspective tilt (a homography), so the cost measured is the cue's worst case per frame.
   */
  static List<FaceLandmarks> movingSession(FaceLandmarks reference, int frames) {
    var out = new ArrayList<FaceLandmarks>(frames);
    out.add(reference);
    double cx = reference.points().stream().mapToDouble(Point::x).average().orElseThrow();
    double cy = reference.points().stream().mapToDouble(Point::y).average().orElseThrow();
    for (int i = 1; i < frames; i++) {
      double k = 0.0015 * i;
      var points = new ArrayList<Point>(68);
      for (Point p : reference.points()) {
        double x = p.x() - cx, y = p.y() - cy, w = 1 + k * x;
        points.add(new Point(cx + x / w, cy + y / w + 0.3 * (i % 3)));
      }
      out.add(new FaceLandmarks(points));
    }
    return out;
  }

  /** Warms {@code work} up, then puts the p50 and p90 of its wall and calling-thread CPU time under {@code key}. */
  static void measure(Map<String, Object> figures, String key, int iterations, Supplier<?> work) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < Math.max(20, iterations / 5); i++) work.get();
    long[] wall = new long[iterations];
    long[] cpu = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      work.get();
      wall[i] = System.nanoTime() - start;
      cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    figures.put(key, String.format(Locale.ROOT, "wall p50 %.2f ms, p90 %.2f ms; cpu p50 %.2f ms, p90 %.2f ms",
        wall[iterations / 2] / 1e6, wall[(int) (iterations * 0.9)] / 1e6, cpu[iterations / 2] / 1e6,
        cpu[(int) (iterations * 0.9)] / 1e6));
  }

  private static BufferedImage imageIoRead(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One face of sample1 in a 640x480 frame, JPEG quality 75 (ImageIO's default), with an APP2 ICC profile right after SOI. */
  static byte[] cameraFrame() {
    Image photo = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath("sample1"));
    var frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    var g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    // A check-in frame: one face (the woman on the right of sample1, about 140 px wide after scaling), from a
    // 960x720 region around her scaled to 640x480.
    int cropW = 960;
    int cropH = 720;
    int x0 = Math.clamp(1571 - cropW / 2, 0, photo.width() - cropW);
    int y0 = Math.clamp(321 - cropH / 2, 0, photo.height() - cropH);
    g.drawImage(photo.toBufferedImage(), 0, 0, 640, 480, x0, y0, x0 + cropW, y0 + cropH, null);
    g.dispose();
    try {
      var jpeg = new ByteArrayOutputStream();
      ImageIO.write(frame, "jpeg", jpeg);
      byte[] plain = jpeg.toByteArray();
      byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
      var out = new ByteArrayOutputStream();
      out.write(plain, 0, 2);
      int length = 2 + 12 + 2 + profile.length;
      out.write(0xFF);
      out.write(0xE2);
      out.write(length >> 8);
      out.write(length & 0xff);
      out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.write(1);
      out.write(1);
      out.writeBytes(profile);
      out.write(plain, 2, plain.length - 2);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same JPEG without its APP2 segments. */
  private static byte[] stripIcc(byte[] jpeg) {
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF && (jpeg[pos + 1] & 0xff) != 0xDA) {
      int length = (jpeg[pos + 2] & 0xff) << 8 | (jpeg[pos + 3] & 0xff);
      if ((jpeg[pos + 1] & 0xff) != 0xE2) out.write(jpeg, pos, 2 + length);
      pos += 2 + length;
    }
    out.write(jpeg, pos, jpeg.length - pos);
    return out.toByteArray();
  }
}
