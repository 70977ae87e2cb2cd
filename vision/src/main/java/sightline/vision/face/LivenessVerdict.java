package sightline.vision.face;

/** Whether a face looks like a live person in front of the camera or a presentation attack (photo, screen). */
public enum LivenessVerdict {
  LIVE,
  SPOOF
}
