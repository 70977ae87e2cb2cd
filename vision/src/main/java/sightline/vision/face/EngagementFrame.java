package sightline.vision.face;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EngagementAnalyzer#analyze} concluded about one frame of one student. Immutable.
 *
 * @param capturedAt    the frame's capture time, as given
 * @param state         the attention state (see {@link AttentionState} for the order in which states win)
 * @param faces         faces in view: 0 absent, 1 the student, 2 or more someone else too. Counted by the detector
 *                      when {@code detected}; between detections the last count is carried over (a second person
 *                      who walks in is seen at the next detection, at most {@link EngagementAnalyzer.Options#detectEvery()}
 *                      frames later)
 * @param detected      whether the face detector ran on this frame (else the face was followed from the last frame)
 * @param face          the followed face; null when none is in view
 * @param withinCone    whether the head points inside the rules' cone (false without a face)
 * @param eyesClosed    whether both eyes were judged closed (only judged inside the cone)
 * @param eyeOpenness   the eyes' mean aspect ratio, corrected for yaw foreshortening, over the same person's open-eye
 *                      ratio: about 1 for open eyes, lower while they close; NaN when not judged
 * @param eyesClosedFor how long the eyes have been closed on every frame up to this one; zero when open or unjudged
 */
public record EngagementFrame(Instant capturedAt, AttentionState state, int faces, boolean detected,
    @Nullable TrackedFace face, boolean withinCone, boolean eyesClosed, double eyeOpenness, Duration eyesClosedFor) {
}
