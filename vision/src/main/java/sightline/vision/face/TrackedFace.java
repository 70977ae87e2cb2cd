package sightline.vision.face;

import sightline.vision.BoundingBox;

/**
 * The followed student's face in one frame, as {@link EngagementAnalyzer} measured it. Coordinates are pixels of the
 * analysed (upright) image. Immutable.
 *
 * @param box       the detector-like frame around the landmarks (upright, clipped to the image): the detector's
 *                  framing derived from the landmarks, also on frames where the detector did not run
 * @param landmarks 68 landmarks, found in a crop turned so that the eyes are level
 * @param pose      head pose in degrees in {@link HeadPose}'s convention (yaw positive when the nose points to the
 *                  image's left, pitch positive when the face points below the camera, roll positive when the eye on
 *                  the image's right is lower); yaw and pitch are measured in the head's own frame, so roll does not
 *                  change them
 * @param eyes      each eye's aspect ratio
 * @param symmetry  left-right symmetry of the landmarks about the nose line in [0, 1]: 0.9–0.95 for a face seen
 *                  from the front, below 0.5 turned 30 degrees away (a cue to show people; the state uses the pose)
 */
public record TrackedFace(BoundingBox box, FaceLandmarks landmarks, HeadPose pose, EyeAspectRatio eyes,
    double symmetry) {
}
