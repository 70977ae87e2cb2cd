package sightline.biometrics.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import sightline.biometrics.EnrolmentHint;
import sightline.biometrics.EnrolmentSource;
import sightline.vision.BoundingBox;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.face.FaceQuality;
import sightline.vision.face.HeadPose;
import sightline.vision.face.Liveness;
import sightline.vision.face.MiniFasNetLiveness;
import sightline.vision.liveness.PassiveLivenessRule;

/** Each enrolment gate refuses with its hint, in the order a person can fix them; a good face passes. */
class EnrolmentGatesTests {

  private final EnrolmentGates gates = EnrolmentGates.defaults(PassiveLivenessRule.defaults());

  private static DetectedFace face(double widthPx, double sizePx, double yaw, double pitch, double brightness,
      double sharpness, @Nullable Double live) {
    return new DetectedFace(new BoundingBox(100, 100, 100 + widthPx, 100 + widthPx * 1.2), 0.99, null,
        new FaceEmbedding(new float[] {1, 0, 0}), new FaceQuality(sizePx, sharpness, brightness, 0.2),
        new HeadPose(yaw, pitch, 0), null, live == null ? null : Liveness.of(live),
        live == null ? null : new MiniFasNetLiveness(live, live));
  }

  private static DetectedFace good() {
    return face(160, 160, 5, -5, 0.5, 300, 0.99);
  }

  @Test
  void aGoodFacePassesFromACameraAndAsAPhoto() {
    assertThat(gates.judge(List.of(good()), 640, EnrolmentSource.CAMERA)).isEmpty();
    assertThat(gates.judge(List.of(good()), 640, EnrolmentSource.PHOTO)).isEmpty();
  }

  @Test
  void noFaceOrSeveralFacesComeFirst() {
    assertThat(gates.judge(List.of(), 640, EnrolmentSource.CAMERA)).contains(EnrolmentHint.NO_FACE);
    assertThat(gates.judge(List.of(good(), face(40, 40, 60, 0, 0.1, 5, 0.1)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.ONE_FACE_ONLY);
  }

  @Test
  void aSmallFaceIsAskedToComeCloser() {
    assertThat(gates.judge(List.of(face(70, 70, 5, -5, 0.5, 300, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.COME_CLOSER);
    // 90 px is enough in pixels but only 7% of a 1280-px camera frame; a photo has no such rule.
    assertThat(gates.judge(List.of(face(90, 90, 5, -5, 0.5, 300, 0.99)), 1280, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.COME_CLOSER);
    assertThat(gates.judge(List.of(face(90, 90, 5, -5, 0.5, 300, 0.99)), 1280, EnrolmentSource.PHOTO)).isEmpty();
  }

  @Test
  void aTurnedOrTiltedHeadIsAskedToFaceTheCamera() {
    assertThat(gates.judge(List.of(face(160, 160, 25, 0, 0.5, 300, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.FACE_THE_CAMERA);
    assertThat(gates.judge(List.of(face(160, 160, 0, -21, 0.5, 300, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.FACE_THE_CAMERA);
    assertThat(gates.judge(List.of(face(160, 160, -19.9, 19.9, 0.5, 300, 0.99)), 640, EnrolmentSource.CAMERA)).isEmpty();
  }

  @Test
  void lightAndSharpnessHaveTheirHints() {
    assertThat(gates.judge(List.of(face(160, 160, 5, -5, 0.2, 300, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.MORE_LIGHT);
    assertThat(gates.judge(List.of(face(160, 160, 5, -5, 0.9, 300, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.LESS_LIGHT);
    assertThat(gates.judge(List.of(face(160, 160, 5, -5, 0.5, 20, 0.99)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.HOLD_STILL);
  }

  @Test
  void passiveLivenessGatesCameraFramesOnly() {
    var spoof = face(160, 160, 5, -5, 0.5, 300, 0.5);
    assertThat(gates.judge(List.of(spoof), 640, EnrolmentSource.CAMERA)).contains(EnrolmentHint.NOT_LIVE);
    assertThat(gates.judge(List.of(spoof), 640, EnrolmentSource.PHOTO)).isEmpty();
    assertThat(gates.judge(List.of(face(160, 160, 5, -5, 0.5, 300, 0.9)), 640, EnrolmentSource.CAMERA)).isEmpty();
  }

  @Test
  void theFirstFailingGateWins() {
    // Small, turned, dark, blurred and spoofed at once: the person is first asked to come closer.
    assertThat(gates.judge(List.of(face(50, 50, 40, 30, 0.1, 5, 0.1)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.COME_CLOSER);
    assertThat(gates.judge(List.of(face(160, 160, 40, 30, 0.1, 5, 0.1)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.FACE_THE_CAMERA);
    assertThat(gates.judge(List.of(face(160, 160, 0, 0, 0.1, 5, 0.1)), 640, EnrolmentSource.CAMERA))
        .contains(EnrolmentHint.MORE_LIGHT);
  }
}
