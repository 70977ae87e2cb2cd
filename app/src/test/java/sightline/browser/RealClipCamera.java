package sightline.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import sightline.Datasets;
import sightline.vision.eval.VideoFrames;

/**
 * A real person on a real webcam as the fake camera: the first 10 s of {@code focus-blink-webcam/mahie_test_1}
 * (blinks at frames 93 and 292), played 2.5 times slower so that a browser sampling 3–6 frames a second while the
 * server is busy sees each blink in at least two frames. Converted with ffmpeg into the test's temporary directory
 * (never into the repository: the clip is for internal testing only). Skipped without the datasets, failed under
 * {@code SIGHTLINE_REQUIRE_DATASETS=1}; CI has them.
 */
final class RealClipCamera {

  private RealClipCamera() {
  }

  static final String CLIP = "video/focus-blink-webcam/mahie_test_1_first300frames_640x480.mjpeg";

  /** The clip as a slowed, looping MJPEG for Chromium's fake camera. */
  static Path slowedMahie(Path temp) throws IOException, InterruptedException {
    Path source = Datasets.require("video/focus-blink-webcam").resolve("mahie_test_1_first300frames_640x480.mjpeg");
    return convert(List.of("-f", "mjpeg", "-i", source.toString(), "-vf", "setpts=2.5*PTS"),
        temp.resolve("mahie-slowed.mjpeg"));
  }

  /**
   * Another real person, for "someone else's face": five frames (0.5 s to 8.5 s in) of
   * {@code soniya_test_6_low_fps} (a young woman with glasses), JPEGs to enrol her from.
   */
  static List<byte[]> soniyaFrames(Path temp) throws IOException, InterruptedException {
    var frames = new java.util.ArrayList<byte[]>();
    for (int second : new int[] {0, 2, 4, 6, 8}) {
      Path frame = temp.resolve("soniya-" + second + ".jpg");
      if (!Files.exists(frame)) {
        run(List.of("ffmpeg", "-loglevel", "error", "-y", "-ss", second + ".5", "-i", soniyaSource().toString(),
            "-vf", SONIYA_LIGHT, "-frames:v", "1", "-q:v", "3", frame.toString()));
      }
      frames.add(Files.readAllBytes(frame));
    }
    return frames;
  }

  /**
   * Her low-frame-rate clip is too dark and soft for the enrolment gates (MORE_LIGHT, then HOLD_STILL): lifted with a
   * gamma and sharpened, as better room light and a better camera would. (Played as a camera, the processed clip
   * fails passive liveness, 0.55 against 0.739, so she serves as an enrolled face, not as a live one.)
   */
  private static final String SONIYA_LIGHT = "eq=gamma=1.6,unsharp=5:5:1.0";

  private static Path soniyaSource() {
    return Datasets.require("video/focus-blink-webcam").resolve("soniya_test_6_low_fps.avi");
  }

  private static Path convert(List<String> input, Path target) throws IOException, InterruptedException {
    if (Files.exists(target)) return target;
    var command = new java.util.ArrayList<>(List.of("ffmpeg", "-loglevel", "error", "-y"));
    command.addAll(input);
    command.addAll(List.of("-r", "30", "-q:v", "4", "-f", "mjpeg", target.toString()));
    run(command);
    return target;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process ffmpeg;
    try {
      ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException missing) {
      String reason = "the real-clip browser tests need ffmpeg (apt-get install ffmpeg)";
      if ("1".equals(System.getenv("SIGHTLINE_REQUIRE_DATASETS"))) fail(reason);
      Assumptions.abort(reason);
      throw missing;
    }
    String output = new String(ffmpeg.getInputStream().readAllBytes());
    if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
      throw new IOException("ffmpeg failed: " + output);
    }
  }

  /** The clip's first frame (the person looking at the camera), a JPEG to enrol them from. */
  static byte[] firstFrame() throws IOException {
    Path source = Datasets.require("video/focus-blink-webcam").resolve("mahie_test_1_first300frames_640x480.mjpeg");
    try (var frames = VideoFrames.open(source)) {
      return frames.next();
    }
  }
}
