package sightline.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path target = temp.resolve("mahie-slowed.mjpeg");
    if (Files.exists(target)) return target;
    Process ffmpeg;
    try {
      ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "mjpeg", "-i", source.toString(),
          "-vf", "setpts=2.5*PTS", "-r", "30", "-q:v", "4", "-f", "mjpeg", target.toString())
          .redirectErrorStream(true).start();
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
    return target;
  }

  /** The clip's first frame (the person looking at the camera), a JPEG to enrol them from. */
  static byte[] firstFrame() throws IOException {
    Path source = Datasets.require("video/focus-blink-webcam").resolve("mahie_test_1_first300frames_640x480.mjpeg");
    try (var frames = VideoFrames.open(source)) {
      return frames.next();
    }
  }
}
