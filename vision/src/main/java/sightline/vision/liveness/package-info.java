/**
 * Liveness decisions over a session of camera frames: the passive models fused ({@link
 * sightline.vision.liveness.PassiveLivenessRule}), quality limits that say what a person should fix ({@link
 * sightline.vision.liveness.QualityLimits}), and the 3-D motion cue from the 68 landmarks ({@link
 * sightline.vision.liveness.MotionRule}), all held by one {@link sightline.vision.liveness.LivenessPolicy} whose
 * {@code judgeFrame} and {@code judgeSession} are pure. The landmark geometry (homography, rigid pose, the mean 3-D
 * face) is package-private and tested without a model.
 */
@NullMarked
package sightline.vision.liveness;

import org.jspecify.annotations.NullMarked;
