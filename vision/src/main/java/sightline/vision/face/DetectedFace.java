package sightline.vision.face;

import org.jspecify.annotations.Nullable;
import sightline.vision.BoundingBox;

/**
 * One face found by {@link FaceAnalyzer}, with the results that were asked for; a result that was not requested
 * (see {@link FaceAttribute}) is {@code null}. Coordinates are pixels of the analysed (upright) image. Immutable.
 *
 * @param box        the detector's box
 * @param score      the detector's face probability in [0, 1]
 * @param landmarks  68 landmarks, when {@link FaceAttribute#LANDMARKS} or {@link FaceAttribute#EMBEDDING} was asked for
 * @param embedding  the unit-length template, when {@link FaceAttribute#EMBEDDING} was asked for
 * @param quality    the quality report, when {@link FaceAttribute#QUALITY} was asked for
 * @param pose       head pose, when {@link FaceAttribute#POSE} was asked for
 * @param eyes       eye states, when {@link FaceAttribute#EYES} was asked for
 * @param liveness   passive liveness score and verdict, when {@link FaceAttribute#LIVENESS} was asked for
 * @param miniFasNet MiniFASNet's live scores, when {@link FaceAttribute#MINIFASNET} was asked for
 */
public record DetectedFace(BoundingBox box, double score, @Nullable FaceLandmarks landmarks,
    @Nullable FaceEmbedding embedding, @Nullable FaceQuality quality, @Nullable HeadPose pose,
    @Nullable EyeStates eyes, @Nullable Liveness liveness, @Nullable MiniFasNetLiveness miniFasNet) {

  /** A face without MiniFASNet scores. */
  public DetectedFace(BoundingBox box, double score, @Nullable FaceLandmarks landmarks,
      @Nullable FaceEmbedding embedding, @Nullable FaceQuality quality, @Nullable HeadPose pose,
      @Nullable EyeStates eyes, @Nullable Liveness liveness) {
    this(box, score, landmarks, embedding, quality, pose, eyes, liveness, null);
  }
}
