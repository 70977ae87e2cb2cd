package sightline.vision.face;

/** Whether a face looked like a live person in front of the camera or a presentation attack. */
public enum LivenessVerdict {
  /** The live score reached the threshold: a bona fide presentation. */
  LIVE,
  /** The live score fell below the threshold: a print, a screen replay or another presentation attack. */
  SPOOF
}
