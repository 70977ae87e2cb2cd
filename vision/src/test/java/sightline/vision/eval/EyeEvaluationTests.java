package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EyeEvaluationTests {

  @TempDir
  Path dir;

  @Test
  void readsOneLabelPerLineIgnoringAByteOrderMark() throws IOException {
    Path file = dir.resolve("a_ideal.csv");
    Files.writeString(file, "\uFEFF0\n1\n\n0\n");
    assertThat(EyeEvaluation.labels(file)).containsExactly(false, true, false);
    Files.writeString(file, "0\n2\n");
    assertThatThrownBy(() -> EyeEvaluation.labels(file)).hasMessageContaining("line 2");
  }

  @Test
  void picksTheVideoWithFfmpegAndTheMjpegWithout() throws IOException {
    Files.writeString(dir.resolve("clip_ideal.csv"), "0\n1\n");
    Files.write(dir.resolve("clip.avi"), new byte[0]);
    Files.write(dir.resolve("clip_first300frames.mjpeg"), new byte[0]);
    Files.writeString(dir.resolve("other_ideal.csv"), "0\n");
    Files.write(dir.resolve("other.avi"), new byte[0]);
    var err = new ByteArrayOutputStream();

    var withFfmpeg = EyeEvaluation.clips(dir, true, new PrintStream(err, true));
    assertThat(withFfmpeg).extracting(EyeEvaluation.Clip::name).containsExactly("clip", "other");
    assertThat(withFfmpeg.get(0).frames().getFileName().toString()).isEqualTo("clip.avi");
    assertThat(withFfmpeg.get(0).closed()).containsExactly(false, true);

    var without = EyeEvaluation.clips(dir, false, new PrintStream(err, true));
    assertThat(without).singleElement().satisfies(c ->
        assertThat(c.frames().getFileName().toString()).isEqualTo("clip_first300frames.mjpeg"));
    assertThat(err.toString()).contains("skipping other");
  }
}
