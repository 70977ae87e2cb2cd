package sightline.vision.face;

/**
 * Head orientation from {@code fr_pose} (a Hopenet-style model: 66 bins of 3 degrees each from -99, read as the
 * softmax expectation). Angles are in degrees, roughly within [-99, 99]; {@code 0, 0, 0} faces the camera.
 * Signs as the model gives them, checked on the sample photos: yaw is positive when the nose points towards the
 * image's left (the subject turned to their right) and changes sign when the picture is mirrored, as roll does.
 * Immutable.
 *
 * @param yawDegrees   turn left or right
 * @param pitchDegrees nod up or down
 * @param rollDegrees  tilt towards a shoulder
 */
public record HeadPose(double yawDegrees, double pitchDegrees, double rollDegrees) {

  /** Whether the head is within {@code maxDegrees} of facing the camera in both yaw and pitch. */
  public boolean isFacingCamera(double maxDegrees) {
    return Math.abs(yawDegrees) <= maxDegrees && Math.abs(pitchDegrees) <= maxDegrees;
  }
}
