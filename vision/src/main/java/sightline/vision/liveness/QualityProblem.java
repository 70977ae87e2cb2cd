package sightline.vision.liveness;

/**
 * Why a frame cannot be judged for liveness, in words a person can act on; listed in the order they should act
 * (come closer first: a far face is also small, dark and blurred).
 */
public enum QualityProblem {
  /** The face is too small in the frame: come closer to the camera. */
  TOO_FAR,
  /** The face is too dark: turn on a light or face a window. */
  TOO_DARK,
  /** The background is much brighter than the face (a window or a lamp behind): turn around or close a curtain. */
  BACKLIT,
  /** The face is washed out: move out of direct light. */
  TOO_BRIGHT,
  /** The face is blurred: hold still, clean the lens. */
  BLURRED
}
