package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.Datasets;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.MotionEvidence;
import sightline.vision.liveness.MotionRule;
import sightline.vision.model.ModelStore;

/**
 * The motion cue with the real detector and landmark model: a photo moved and tilted as a whole (synthesised here
 * from the fixture photos, no dataset needed) fails it; the live blink clip (dataset, CI) does not.
 */
@Tag("model")
class MotionCueTests {

  private static FaceAnalyzer analyzer;
  private final MotionRule rule = MotionRule.defaults();

  @BeforeAll
  static void load() {
    analyzer = FaceAnalyzer.load(ModelStore.atDefaultLocation(),
        FaceAnalyzer.Options.detectionOnly().withAttributes(Set.of(FaceAttribute.LANDMARKS)));
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  private static List<FaceLandmarks> landmarks(List<Image> frames) {
    var out = new ArrayList<FaceLandmarks>();
    for (Image frame : frames) {
      analyzer.analyze(frame).stream().max(java.util.Comparator.comparingDouble(f -> f.box().area()))
          .map(DetectedFace::landmarks).map(Objects::requireNonNull).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void aPhotoMovedAndTiltedAsAWholeFailsTheMotionCue() {
    for (SyntheticAttacks subject : List.of(SyntheticAttacks.of(analyzer, "sample1", new sightline.vision.Point(1571, 321)),
        SyntheticAttacks.of(analyzer, "sample3", new sightline.vision.Point(690, 468)))) {
      SyntheticAttacks.Sequence tilted = subject.tilted(45, 16);
      List<FaceLandmarks> seen = landmarks(tilted.frames());
      assertThat(seen).as(tilted.name()).hasSize(16);
      MotionEvidence evidence = rule.evaluate(seen, SyntheticAttacks.WIDTH, SyntheticAttacks.HEIGHT);
      assertThat(evidence.verdict()).as(tilted.name() + ": " + evidence).isEqualTo(MotionEvidence.Verdict.PLANAR);
    }
  }

  /**
   * The first 300 frames of {@code mahie_test_1} (a person at a laptop webcam who blinks and hardly moves), every
   * fourth frame as the product's client sends them (about 134 ms apart), in sessions of 20 frames: the cue never
   * refuses; it finds too little motion to tell, which leaves the decision to the passive models.
   */
  @Test
  void theLiveBlinkClipPassesTheMotionCue() {
    Path clip = Datasets.require("video/focus-blink-webcam").resolve("mahie_test_1_first300frames_640x480.mjpeg");
    var frames = new ArrayList<Image>();
    try (var video = VideoFrames.open(clip)) {
      byte[] jpeg;
      for (int i = 0; (jpeg = video.next()) != null; i++) {
        if (i % 4 == 0) frames.add(ImageDecoder.withDefaults().decode(jpeg));
      }
    }
    List<FaceLandmarks> seen = landmarks(frames);
    assertThat(seen).hasSize(75);
    for (int start = 0; start + 20 <= seen.size(); start += 20) {
      MotionEvidence session = rule.evaluate(seen.subList(start, start + 20), 640, 480);
      assertThat(session.refuses()).as("frames %d-%d: %s", 4 * start, 4 * (start + 19), session).isFalse();
    }
    assertThat(rule.evaluate(seen, 640, 480).refuses()).as("all 75 frames as one session").isFalse();
  }
}
