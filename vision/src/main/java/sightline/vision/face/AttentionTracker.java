package sightline.vision.face;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import sightline.vision.Point;

/**
 * One student's attention over one class session: which face is theirs from frame to frame, their open-eye
 * baseline and how long their eyes have been closed. Keep one per student and session in memory and feed it that
 * student's frames through {@link EngagementAnalyzer#analyze} in capture order; it is small (about 20 KB, mostly the
 * 64x64 crop the followed face is compared with) and cheap to rebuild: a new tracker only re-learns the face (one
 * detection) and the open-eye baseline (five frames).
 *
 * <p>Not thread-safe: give one student's frames to it one at a time (the analyzer itself is shared and thread-safe).
 *
 * <p>The judgement ({@link #accept}) is pure: time comes only from the frames' capture times, and the rules are
 * these:
 * <ul>
 *   <li>No face: {@link AttentionState#ABSENT}; two or more: {@link AttentionState#SOMEONE_ELSE}.</li>
 *   <li>Head outside the cone of {@link AttentionRules#withinCone}: {@link AttentionState#LOOKING_AWAY}; eyes are
 *       not judged then.</li>
 *   <li>Eyes: the mean aspect ratio, multiplied by {@code cos(yaw)} (a turned head foreshortens the eye's width, not
 *       its height), over the person's open-eye ratio (the 70th percentile of their own open frames in the last
 *       minute); below {@link AttentionRules#eyesClosedBelow()} the eyes are closed. They are not judged while that
 *       ratio is still being learnt (the first five frames inside the cone).</li>
 *   <li>Closed on every frame for at least {@link AttentionRules#drowsyAfter()}: {@link AttentionState#DROWSY}, else
 *       {@link AttentionState#EYES_CLOSED}. A gap longer than {@link AttentionRules#maxFrameGap()} between frames,
 *       a frame without a face or outside the cone restarts the count.</li>
 * </ul>
 */
public final class AttentionTracker {

  private final AttentionRules rules;
  private final FaceTracker faceTracker;
  private final OpenEyeBaseline openEyes = new OpenEyeBaseline();
  private @Nullable Instant lastAt;
  private boolean closed;
  private @Nullable Instant closedSince;

  /** A tracker that follows the largest face it is shown. */
  public AttentionTracker(AttentionRules rules) {
    this(rules, null);
  }

  /**
   * A tracker that, when it first looks for a face, follows the one nearest {@code near} (for a camera that sees
   * several people, such as a recorded clip); null follows the largest face.
   */
  public AttentionTracker(AttentionRules rules, @Nullable Point near) {
    this.rules = rules;
    this.faceTracker = new FaceTracker(near);
  }

  public AttentionRules rules() {
    return rules;
  }

  FaceTracker faceTracker() {
    return faceTracker;
  }

  /** The capture time of the last frame accepted, or null before the first. */
  public @Nullable Instant lastFrameAt() {
    return lastAt;
  }

  /** Throws when {@code at} is earlier than the last frame's capture time. */
  void checkOrder(Instant at) {
    if (lastAt != null && at.isBefore(lastAt)) {
      throw new IllegalArgumentException("frames must come in capture order: " + at + " is before " + lastAt);
    }
  }

  /** Judges one frame's measurements (see the class comment). */
  EngagementFrame accept(FrameObservation frame) {
    checkOrder(frame.at());
    if (lastAt != null && Duration.between(lastAt, frame.at()).compareTo(rules.maxFrameGap()) > 0) {
      endClosure();
    }
    lastAt = frame.at();
    TrackedFace face = frame.face();
    if (frame.faces() == 0 || face == null) {
      endClosure();
      return new EngagementFrame(frame.at(), AttentionState.ABSENT, frame.faces(), frame.detected(), null, false,
          false, Double.NaN, Duration.ZERO);
    }
    boolean withinCone = rules.withinCone(face.pose());
    double openness = Double.NaN;
    if (withinCone && openEyes.learning()) {
      endClosure();
      openEyes.add(frame.at(), yawCorrected(face));
    } else if (withinCone) {
      double ratio = yawCorrected(face);
      openness = ratio / openEyes.value();
      closed = openness < rules.eyesClosedBelow();
      if (!closed) {
        openEyes.add(frame.at(), ratio);
        closedSince = null;
      } else if (closedSince == null) {
        closedSince = frame.at();
      }
    } else {
      endClosure();
    }
    Duration closedFor = closedSince != null ? Duration.between(closedSince, frame.at()) : Duration.ZERO;
    AttentionState state;
    if (frame.faces() > 1) state = AttentionState.SOMEONE_ELSE;
    else if (!withinCone) state = AttentionState.LOOKING_AWAY;
    else if (closed) state = closedFor.compareTo(rules.drowsyAfter()) >= 0 ? AttentionState.DROWSY : AttentionState.EYES_CLOSED;
    else state = AttentionState.ATTENTIVE;
    return new EngagementFrame(frame.at(), state, frame.faces(), frame.detected(), face, withinCone, closed, openness,
        closedFor);
  }

  private static double yawCorrected(TrackedFace face) {
    return face.eyes().mean() * Math.cos(Math.toRadians(face.pose().yawDegrees()));
  }

  private void endClosure() {
    closed = false;
    closedSince = null;
  }
}
