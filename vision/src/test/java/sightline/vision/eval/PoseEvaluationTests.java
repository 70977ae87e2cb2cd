package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseEvaluationTests {

  @Test
  void parsesRangesSkippingCommentsAndHeader() {
    var ranges = PoseEvaluation.ranges(List.of("# note", "clip,first_frame,last_frame,label", "",
        "a.mjpeg,0,9,away", "a.mjpeg,10,12,unsure", "a.mjpeg,13,20,attentive"));
    assertThat(ranges).containsExactly(new PoseEvaluation.Range("a.mjpeg", 0, 9, false),
        new PoseEvaluation.Range("a.mjpeg", 10, 12, null), new PoseEvaluation.Range("a.mjpeg", 13, 20, true));
    assertThat(PoseEvaluation.rangeOf(ranges, "a.mjpeg", 9).attentive()).isFalse();
    assertThat(PoseEvaluation.rangeOf(ranges, "a.mjpeg", 13).attentive()).isTrue();
    assertThat(PoseEvaluation.rangeOf(ranges, "a.mjpeg", 21)).isNull();
    assertThat(PoseEvaluation.rangeOf(ranges, "b.mjpeg", 0)).isNull();
  }

  @Test
  void refusesBadLabelsAndRanges() {
    assertThatThrownBy(() -> PoseEvaluation.ranges(List.of("a,0,1,sleepy"))).hasMessageContaining("attentive");
    assertThatThrownBy(() -> PoseEvaluation.ranges(List.of("a,5,1,away"))).hasMessageContaining("range");
    assertThatThrownBy(() -> PoseEvaluation.ranges(List.of("a,0,away"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shippedLabelsCoverEveryFrameOfTheThreeClipsOnce() throws Exception {
    List<PoseEvaluation.Range> ranges;
    try (var reader = new BufferedReader(new InputStreamReader(
        PoseEvaluation.class.getResourceAsStream("intel-headpose-labels.csv"), StandardCharsets.UTF_8))) {
      ranges = PoseEvaluation.ranges(reader.lines().toList());
    }
    // Frame counts of the *_480x270_30fps.mjpeg files.
    var frames = java.util.Map.of("head-pose-face-detection-female_480x270_30fps.mjpeg", 57,
        "head-pose-face-detection-male_480x270_30fps.mjpeg", 155,
        "head-pose-face-detection-female-and-male_480x270_30fps.mjpeg", 140);
    frames.forEach((clip, count) -> {
      for (int i = 0; i < count; i++) {
        int frame = i;
        assertThat(ranges.stream().filter(r -> r.clip().equals(clip) && frame >= r.first() && frame <= r.last()))
            .as("%s frame %d", clip, i).hasSize(1);
      }
    });
  }
}
