package sightline.engagement.live;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.engagement.EngagementState;

/** What travels over STOMP: frames in, answers to the student, updates to the teacher's dashboard. */
final class LiveMessages {

  private LiveMessages() {
  }

  /**
   * A frame from the student's camera, SENT to {@code /app/engagement/sessions/{id}/frames}: a JPEG of at most
   * 640 px a side as Base64 (STOMP over the browser's WebSocket is text; Base64 adds a third, 20–60 kB a frame).
   */
  record Frame(String jpeg) {}

  /** Whether the face in view was checked against the student's enrolled face, and what that found. */
  enum Identity { UNCHECKED, CONFIRMED, MISMATCH, NOT_ENROLLED }

  /** What the teacher is alerted to. */
  enum Alert { ABSENT_OVER_A_MINUTE, SOMEONE_ELSE_IN_VIEW, IDENTITY_MISMATCH }

  /** Why a frame was refused; the student's page says it in the student's language. */
  enum Refusal { SESSION_NOT_FOUND, NOT_ONLINE, NOT_OPEN, NOT_ENROLLED, BAD_FRAME }

  /**
   * The answer on the student's queue ({@code /user/queue/engagement}) to each frame.
   *
   * @param state           the frame's state; null when the frame was dropped or refused
   * @param percent         attentive over present time so far, -1 before any present time
   * @param intervalMillis  how long to wait before the next frame (grows when the server is busy)
   * @param dropped         the server was too busy for this frame
   * @param refusal         why the frame was refused; then the client stops
   */
  record Reply(UUID session, @Nullable EngagementState state, int percent, Identity identity, long intervalMillis,
      boolean dropped, @Nullable Refusal refusal) {}

  /**
   * One student's line on the dashboard, published to {@code /topic/engagement/sessions/{id}} after each frame.
   *
   * @param percent   attentive over present time so far, -1 before any present time
   * @param sparkline engagement per 10 s bucket over the last five minutes, oldest first, -1 for none
   */
  record StudentUpdate(UUID student, String name, @Nullable EngagementState state, int percent,
      List<Integer> sparkline, Set<Alert> alerts, Identity identity, Instant at) {}
}
