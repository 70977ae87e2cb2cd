package sightline.faceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.vision.BoundingBox;
import sightline.vision.Point;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.EyeStates;
import sightline.vision.face.FaceQuality;
import sightline.vision.face.HeadPose;
import sightline.vision.face.Liveness;

/**
 * One detected face; a plugin's member is present only when that plugin was asked for. Coordinates are pixels of
 * the upright image (EXIF orientation applied).
 *
 * @param box       the detector's box
 * @param score     the detector's face probability in [0, 1]
 * @param landmarks plugin {@code landmarks}: 68 points in the iBUG 300-W order
 * @param pose      plugin {@code pose}: yaw, pitch and roll in degrees
 * @param eyes      plugin {@code eyes}: probability that each eye is closed
 * @param liveness  plugin {@code liveness}: passive live score in [0, 1], verdict and threshold
 * @param quality   plugin {@code quality}: face size, sharpness, brightness, contrast
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FaceView(BoundingBox box, double score, @Nullable List<Point> landmarks, @Nullable HeadPose pose,
    @Nullable EyeStates eyes, @Nullable Liveness liveness, @Nullable FaceQuality quality) {

  /** The face with the plugins that were asked for (an embedding, when computed, is never shown). */
  static FaceView of(DetectedFace face, boolean landmarks) {
    return new FaceView(face.box(), face.score(),
        landmarks && face.landmarks() != null ? face.landmarks().points() : null, face.pose(), face.eyes(),
        face.liveness(), face.quality());
  }
}
