package sightline.biometrics;

/**
 * Why an enrolment picture was refused, as a person can act on it (pages translate {@code face.hint.<NAME>}). Part
 * of the biometrics API: add values, never rename them.
 */
public enum EnrolmentHint {
  /** No face found: put your face in the oval. */
  NO_FACE,
  /** More than one face: one face only. */
  ONE_FACE_ONLY,
  /** Face too small: come closer. */
  COME_CLOSER,
  /** Head turned or tilted: face the camera. */
  FACE_THE_CAMERA,
  /** Face too dark: more light. */
  MORE_LIGHT,
  /** Face washed out: less light. */
  LESS_LIGHT,
  /** Face blurred: hold still. */
  HOLD_STILL,
  /** Passive liveness below the threshold: use your live face, not a photo or a screen. */
  NOT_LIVE,
  /** The same frame again: move your head a little. */
  MOVE_SLIGHTLY,
  /** Not the person of the frames accepted before: start again. */
  NOT_THE_SAME_PERSON,
  /** The face already belongs to another enrolled person. */
  ENROLLED_AS_SOMEONE_ELSE
}
