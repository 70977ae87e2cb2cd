package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Point;

class FaceTrackerTests {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static float[] noise(long seed) {
    var random = new Random(seed);
    float[] grey = new float[64 * 64];
    for (int i = 0; i < grey.length; i++) grey[i] = 255 * random.nextFloat();
    return grey;
  }

  @Test
  void detectsFirstThenEveryNthFrameOrAfterTheTimeLimit() {
    var tracker = new FaceTracker(null);
    assertThat(tracker.needsDetection(T0, 5, Duration.ofSeconds(5))).isTrue();
    tracker.detected(T0, 1, SyntheticFace.frontal(), noise(1));
    for (int i = 1; i <= 4; i++) {
      assertThat(tracker.needsDetection(T0.plusSeconds(i), 5, Duration.ofSeconds(5))).as("frame %d", i).isFalse();
      if (i < 4) tracker.followed(SyntheticFace.frontal());
    }
    tracker.followed(SyntheticFace.frontal());
    assertThat(tracker.needsDetection(T0.plusSeconds(4), 5, Duration.ofSeconds(5))).isTrue();   // the 5th frame
    tracker.detected(T0.plusSeconds(4), 1, SyntheticFace.frontal(), noise(1));
    assertThat(tracker.needsDetection(T0.plusSeconds(9), 5, Duration.ofSeconds(5))).isTrue();   // 5 s later
    assertThat(tracker.needsDetection(T0.plusSeconds(5), 1, Duration.ofSeconds(5))).isTrue();   // every frame
    tracker.detected(T0.plusSeconds(5), 0, null, null);
    assertThat(tracker.landmarks()).isNull();
    assertThat(tracker.faces()).isZero();
    assertThat(tracker.needsDetection(T0.plusSeconds(6), 5, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void similarityIsTheNormalisedCrossCorrelationWithTheDetectedCrop() {
    var tracker = new FaceTracker(null);
    float[] crop = noise(7);
    tracker.detected(T0, 1, SyntheticFace.frontal(), crop);
    float[] brighter = crop.clone();
    for (int i = 0; i < brighter.length; i++) brighter[i] = 0.5f * brighter[i] + 40;
    assertThat(tracker.similarity(brighter)).isCloseTo(1, within(1e-5));     // contrast and brightness do not count
    assertThat(tracker.similarity(noise(8))).isCloseTo(0, within(0.1));
    float[] inverted = crop.clone();
    for (int i = 0; i < inverted.length; i++) inverted[i] = 255 - inverted[i];
    assertThat(tracker.similarity(inverted)).isCloseTo(-1, within(1e-5));
  }

  @Test
  void picksTheFaceItFollowsElseTheNearestToItsPointElseTheLargest() {
    var small = new Detection.Candidate(new BoundingBox(10, 10, 60, 70), 0.9f);
    var large = new Detection.Candidate(new BoundingBox(400, 100, 560, 300), 0.8f);
    var list = List.of(small, large);
    assertThat(new FaceTracker(null).pick(list)).isEqualTo(large);
    assertThat(new FaceTracker(new Point(0, 0)).pick(list)).isEqualTo(small);
    var following = new FaceTracker(null);
    following.detected(T0, 2, SyntheticFace.face(35, 45, 12, 0, 0.06, 0), noise(1));
    assertThat(following.pick(list)).isEqualTo(small);
  }
}
