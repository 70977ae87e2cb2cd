package sightline.vision.face;

/**
 * What {@link FaceAnalyzer} computes for each detected face beyond its box and score. Each attribute loads and runs
 * only the models it needs, so an engagement path that asks for little pays little.
 */
public enum FaceAttribute {
  /** 68 landmarks ({@code fr_landmark}, about 1 ms per face). */
  LANDMARKS,
  /** A unit-length embedding for verification and 1:N search ({@code fr_feature}; needs and implies landmarks). */
  EMBEDDING,
  /** Size, sharpness, brightness and contrast of the face and the brightness around it (no model). */
  QUALITY,
  /** Yaw, pitch and roll ({@code fr_pose}). */
  POSE,
  /** Whether each eye is closed ({@code fr_eye}; needs and implies landmarks). */
  EYES,
  /** Passive liveness from a single frame ({@code fr_liveness}). */
  LIVENESS,
  /** Passive liveness from a single frame by MiniFASNet V2 and V1SE (two 80x80 networks, about 2 ms together). */
  MINIFASNET
}
