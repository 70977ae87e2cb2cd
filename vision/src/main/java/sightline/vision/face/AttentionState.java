package sightline.vision.face;

/**
 * What one frame says about a student's attention, judged by {@link AttentionTracker} under its
 * {@link AttentionRules}. When several apply, the first in this order wins: {@link #ABSENT}, {@link #SOMEONE_ELSE},
 * {@link #LOOKING_AWAY}, {@link #DROWSY}, {@link #EYES_CLOSED}, {@link #ATTENTIVE}. Eyes are judged only while the
 * head is inside the cone: looking down at a desk narrows the eyes as much as closing them does.
 */
public enum AttentionState {
  /** One face, inside the cone, eyes open. */
  ATTENTIVE,
  /** The head points outside the cone of {@link AttentionRules#maxYawDegrees()} and {@link AttentionRules#maxPitchDegrees()}. */
  LOOKING_AWAY,
  /** Both eyes closed on this frame, for less than {@link AttentionRules#drowsyAfter()} so far (a blink, or the start of a nap). */
  EYES_CLOSED,
  /** Eyes closed on every frame for at least {@link AttentionRules#drowsyAfter()}. */
  DROWSY,
  /** No face in view. */
  ABSENT,
  /** Two or more faces in view. */
  SOMEONE_ELSE
}
