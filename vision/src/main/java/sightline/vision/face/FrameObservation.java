package sightline.vision.face;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The measurements of one frame before any judgement: what {@link EngagementAnalyzer} hands to
 * {@link AttentionTracker#accept}. Package-private, so that the tracker's rules are tested without a model.
 *
 * @param at       capture time
 * @param faces    faces in view (carried over from the last detection when {@code detected} is false)
 * @param detected whether the detector ran on this frame
 * @param face     the followed face, or null when none is in view
 */
record FrameObservation(Instant at, int faces, boolean detected, @Nullable TrackedFace face) {
}
