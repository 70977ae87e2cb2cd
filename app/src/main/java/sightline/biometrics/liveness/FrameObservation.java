package sightline.biometrics.liveness;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.liveness.FrameEvidence;

/**
 * What the face models saw in one frame of a liveness session; the input of {@link ChallengeRun}, so the rules are
 * tested on sequences of these without a model.
 *
 * @param at        when the frame arrived
 * @param faces     how many faces were found
 * @param face      the face, when exactly one was found
 */
public record FrameObservation(Instant at, int faces, @Nullable Face face) {

  /**
   * @param yawDegrees         head yaw, positive when the nose points to the picture's left (fr_pose)
   * @param pitchDegrees       head pitch, positive when looking up
   * @param leftEyeClosed      closed probability of the eye on the picture's left, [0, 1]
   * @param rightEyeClosed     closed probability of the eye on the picture's right, [0, 1]
   * @param interPupilPx       distance between the two eye centres in pixels
   * @param frameWidthPx       width of the frame in pixels
   * @param evidence           what the site policy's passive models and quality limits said about the face
   * @param embedding          the face template
   */
  public record Face(double yawDegrees, double pitchDegrees, double leftEyeClosed, double rightEyeClosed,
      double interPupilPx, int frameWidthPx, FrameEvidence evidence, @Nullable FaceEmbedding embedding) {
  }

  public static FrameObservation none(Instant at) {
    return new FrameObservation(at, 0, null);
  }

  public static FrameObservation several(Instant at, int faces) {
    return new FrameObservation(at, faces, null);
  }

  public static FrameObservation one(Instant at, Face face) {
    return new FrameObservation(at, 1, face);
  }
}
