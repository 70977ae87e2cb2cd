package sightline.biometrics.enrolment;

import java.util.List;
import java.util.Optional;
import sightline.biometrics.EnrolmentHint;
import sightline.biometrics.EnrolmentSource;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceQuality;
import sightline.vision.face.HeadPose;
import sightline.vision.liveness.PassiveLivenessRule;

/**
 * The quality gates an enrolment picture must pass, on the server's own analysis of it, and the hint a person gets
 * for the first gate that fails. Gates run in the order a person can fix them: one face, size, pose, light,
 * sharpness, then liveness (a live score is only meaningful on a usable face). Pure rules, thread-safe.
 *
 * @param minFaceSizePx      shorter side of the face box, in pixels of the picture as sent
 * @param minFaceFraction    camera frames only: face box width over frame width (80 px at 640 px is 0.125), so the
 *                           hint says "come closer" whatever resolution the camera sends
 * @param maxYawPitchDegrees |yaw| and |pitch| limit
 * @param minBrightness      mean grey of the face crop in [0, 1], below which we ask for more light
 * @param maxBrightness      above which the face is washed out
 * @param minSharpness       Laplacian variance of the 64x64 face crop, below which the face is blurred (motion)
 * @param passive            camera frames only: the site liveness policy's fusion; a frame's fused score must reach
 *                           its {@code threshold()}
 */
public record EnrolmentGates(double minFaceSizePx, double minFaceFraction, double maxYawPitchDegrees,
    double minBrightness, double maxBrightness, double minSharpness, PassiveLivenessRule passive) {

  /**
   * 80 px, 12.5%, 20°, brightness 0.25–0.85, sharpness 40 (the face-api sample faces measure 150–460, a face
   * blurred by motion or upscaled below 50), and the given passive liveness rule.
   */
  public static EnrolmentGates defaults(PassiveLivenessRule passive) {
    return new EnrolmentGates(80, 0.125, 20, 0.25, 0.85, 40, passive);
  }

  /**
   * The hint for the first gate that fails, or empty when the picture is usable.
   *
   * @param faces      every face found, with embedding, quality and pose (and liveness for camera frames)
   * @param frameWidth width of the picture in pixels
   */
  public Optional<EnrolmentHint> judge(List<DetectedFace> faces, int frameWidth, EnrolmentSource source) {
    if (faces.isEmpty()) {
      return Optional.of(EnrolmentHint.NO_FACE);
    }
    if (faces.size() > 1) {
      return Optional.of(EnrolmentHint.ONE_FACE_ONLY);
    }
    DetectedFace face = faces.getFirst();
    FaceQuality quality = face.quality();
    HeadPose pose = face.pose();
    if (quality == null || pose == null || face.embedding() == null) {
      throw new IllegalArgumentException("enrolment gates need quality, pose and embedding");
    }
    boolean camera = source == EnrolmentSource.CAMERA;
    if (quality.faceSizePx() < minFaceSizePx || camera && face.box().width() < minFaceFraction * frameWidth) {
      return Optional.of(EnrolmentHint.COME_CLOSER);
    }
    if (!pose.isFacingCamera(maxYawPitchDegrees)) {
      return Optional.of(EnrolmentHint.FACE_THE_CAMERA);
    }
    if (quality.brightness() < minBrightness) {
      return Optional.of(EnrolmentHint.MORE_LIGHT);
    }
    if (quality.brightness() > maxBrightness) {
      return Optional.of(EnrolmentHint.LESS_LIGHT);
    }
    if (quality.sharpness() < minSharpness) {
      return Optional.of(EnrolmentHint.HOLD_STILL);
    }
    if (camera) {
      if (face.liveness() == null || face.miniFasNet() == null) {
        throw new IllegalArgumentException("camera frames need the fr_liveness and MiniFASNet scores");
      }
      if (passive.score(face) < passive.threshold()) {
        return Optional.of(EnrolmentHint.NOT_LIVE);
      }
    }
    return Optional.empty();
  }
}
