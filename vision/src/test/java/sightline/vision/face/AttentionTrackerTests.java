package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;

class AttentionTrackerTests {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final AttentionTracker tracker = new AttentionTracker(AttentionRules.defaults());

  private static TrackedFace face(double yaw, double pitch, double roll, double eyeAspectRatio) {
    return new TrackedFace(new BoundingBox(200, 100, 440, 400), SyntheticFace.frontal(), new HeadPose(yaw, pitch, roll),
        new EyeAspectRatio(eyeAspectRatio, eyeAspectRatio), 0.9);
  }

  private EngagementFrame at(double seconds, int faces, TrackedFace face) {
    return tracker.accept(new FrameObservation(T0.plusMillis(Math.round(seconds * 1000)), faces, true, face));
  }

  /** Ten open-eyed frames, one a second, so that the tracker knows this person's open eyes (ratio 0.32). */
  private void learnOpenEyes() {
    for (int s = 0; s < 10; s++) {
      assertThat(at(s, 1, face(0, 0, 0, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
    }
  }

  @Test
  void noFaceIsAbsentAndASecondFaceIsSomeoneElse() {
    EngagementFrame empty = tracker.accept(new FrameObservation(T0, 0, true, null));
    assertThat(empty.state()).isEqualTo(AttentionState.ABSENT);
    assertThat(empty.face()).isNull();
    assertThat(empty.withinCone()).isFalse();
    assertThat(at(1, 2, face(0, 0, 0, 0.32)).state()).isEqualTo(AttentionState.SOMEONE_ELSE);
    assertThat(at(2, 1, face(0, 0, 0, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
  }

  @Test
  void headRollAloneNeverLooksAwayButYawAndPitchBeyondTheConeDo() {
    assertThat(at(0, 1, face(5, -5, 60, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThat(at(1, 1, face(-10, 10, -75, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThat(at(2, 1, face(30, 0, 0, 0.32)).state()).isEqualTo(AttentionState.LOOKING_AWAY);
    assertThat(at(3, 1, face(0, -30, 0, 0.32)).state()).isEqualTo(AttentionState.LOOKING_AWAY);
    assertThat(at(4, 1, face(25, 25, 0, 0.32)).withinCone()).isTrue();
  }

  @Test
  void eyesClosedForTwoSecondsAtOneFrameASecondIsDrowsy() {
    learnOpenEyes();
    EngagementFrame first = at(10, 1, face(0, 0, 0, 0.12));
    assertThat(first.state()).isEqualTo(AttentionState.EYES_CLOSED);
    assertThat(first.eyesClosedFor()).isEqualTo(Duration.ZERO);
    assertThat(first.eyeOpenness()).isCloseTo(0.12 / 0.32, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(at(11, 1, face(0, 0, 0, 0.12)).state()).isEqualTo(AttentionState.EYES_CLOSED);
    EngagementFrame third = at(12, 1, face(0, 0, 0, 0.15));
    assertThat(third.state()).isEqualTo(AttentionState.DROWSY);
    assertThat(third.eyesClosedFor()).isEqualTo(Duration.ofSeconds(2));
    assertThat(at(20, 1, face(0, 0, 0, 0.1)).state()).isEqualTo(AttentionState.EYES_CLOSED); // a gap of 8 s: afresh
    EngagementFrame reopened = at(21, 1, face(0, 0, 0, 0.31));
    assertThat(reopened.state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThat(reopened.eyesClosed()).isFalse();
    assertThat(reopened.eyesClosedFor()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aBlinkAtThirtyFramesASecondIsNeverDrowsy() {
    learnOpenEyes();
    double t = 10;
    for (int i = 0; i < 6; i++, t += 1 / 30.0) {
      assertThat(at(t, 1, face(0, 0, 0, 0.1)).state()).isEqualTo(AttentionState.EYES_CLOSED);
    }
    assertThat(at(t, 1, face(0, 0, 0, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
  }

  @Test
  void eachPersonIsJudgedAgainstTheirOwnOpenEyes() {
    // Wide eyes (0.40): 0.33 is already 83% of them, closing. Narrow eyes (0.26): 0.24 is 92% of them, open.
    var wide = new AttentionTracker(AttentionRules.defaults());
    var narrow = new AttentionTracker(AttentionRules.defaults());
    for (int s = 0; s < 10; s++) {
      wide.accept(new FrameObservation(T0.plusSeconds(s), 1, true, face(0, 0, 0, 0.40)));
      narrow.accept(new FrameObservation(T0.plusSeconds(s), 1, true, face(0, 0, 0, 0.26)));
    }
    assertThat(wide.accept(new FrameObservation(T0.plusSeconds(10), 1, true, face(0, 0, 0, 0.33))).eyesClosed()).isTrue();
    assertThat(narrow.accept(new FrameObservation(T0.plusSeconds(10), 1, true, face(0, 0, 0, 0.24))).eyesClosed()).isFalse();
    assertThat(narrow.accept(new FrameObservation(T0.plusSeconds(11), 1, true, face(0, 0, 0, 0.18))).eyesClosed()).isTrue();
  }

  @Test
  void eyesAreNotJudgedWhileTheOpenEyeRatioIsBeingLearnt() {
    for (int s = 0; s < 5; s++) {
      EngagementFrame frame = at(s, 1, face(0, 0, 0, 0.05));
      assertThat(frame.state()).isEqualTo(AttentionState.ATTENTIVE);
      assertThat(frame.eyeOpenness()).isNaN();
    }
    assertThat(at(5, 1, face(0, 0, 0, 0.05)).eyeOpenness()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void lookingAwayIsNotJudgedForEyesAndRestartsTheCount() {
    learnOpenEyes();
    at(10, 1, face(0, 0, 0, 0.1));
    EngagementFrame down = at(11, 1, face(0, 40, 0, 0.1));  // looking down at a desk narrows the eyes too
    assertThat(down.state()).isEqualTo(AttentionState.LOOKING_AWAY);
    assertThat(down.eyesClosed()).isFalse();
    assertThat(down.eyeOpenness()).isNaN();
    assertThat(at(12, 1, face(0, 0, 0, 0.1)).state()).isEqualTo(AttentionState.EYES_CLOSED);
    assertThat(at(13, 1, face(0, 0, 0, 0.1)).state()).isEqualTo(AttentionState.EYES_CLOSED);
    assertThat(at(14, 1, face(0, 0, 0, 0.1)).state()).isEqualTo(AttentionState.DROWSY);
  }

  @Test
  void aTurnedHeadsWiderLookingEyesAreCorrectedForForeshortening() {
    learnOpenEyes();
    // At 20 degrees of yaw the eye's width shrinks by cos(20): an open eye measures 0.32 / cos(20), a half-shut one
    // 0.26 / cos(20); corrected, they are 100% and 81% of the open value.
    double cos = Math.cos(Math.toRadians(20));
    assertThat(at(10, 1, face(20, 0, 0, 0.32 / cos)).eyeOpenness()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(at(11, 1, face(20, 0, 0, 0.26 / cos)).eyesClosed()).isTrue();
  }

  @Test
  void framesMustComeInCaptureOrder() {
    at(5, 1, face(0, 0, 0, 0.32));
    assertThatThrownBy(() -> at(4, 1, face(0, 0, 0, 0.32))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture order");
    assertThat(at(5, 1, face(0, 0, 0, 0.32)).state()).isEqualTo(AttentionState.ATTENTIVE);
    assertThat(tracker.lastFrameAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void theRulesRefuseNonsense() {
    assertThatThrownBy(() -> AttentionRules.defaults().withCone(0, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttentionRules.defaults().withCone(20, 91)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttentionRules.defaults().withEyesClosedBelow(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttentionRules.defaults().withDrowsyAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttentionRules.defaults().withMaxFrameGap(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
