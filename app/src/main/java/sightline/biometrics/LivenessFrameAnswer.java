package sightline.biometrics;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.vision.liveness.QualityProblem;

/**
 * The server's feedback on one frame of a liveness session. Immutable.
 *
 * @param session        the session
 * @param state          whether it still runs, passed or failed
 * @param challenge      the challenge to meet now; null once the session ended
 * @param challengesMet  how many challenges are met, in [0, challengeCount]
 * @param challengeCount how many the session has (2–3)
 * @param progress       overall progress in [0, 1], including the current challenge's partial progress
 * @param hint           what the person should change, {@link Hint#NONE} when nothing
 * @param reasons        why the session failed; empty unless {@code state} is {@link State#FAILED}
 * @param distanceCm     estimated distance of the face from the camera in centimetres (see
 *                       {@code docs/ARCHITECTURE.md}), null when this frame had no single face
 * @param advice         what to tell a person whose passive liveness check failed twice lately; NONE otherwise
 */
public record LivenessFrameAnswer(LivenessSessionId session, State state, @Nullable Challenge challenge,
    int challengesMet, int challengeCount, double progress, Hint hint, List<LivenessOutcome.Reason> reasons,
    @Nullable Double distanceCm, Advice advice) {

  /** Concrete advice after repeated passive-liveness failures. */
  public enum Advice {
    NONE,
    /** Light, distance, lens, glasses: how to give the camera a picture the models can judge. */
    CONDITIONS,
    /** The same, and that a teacher or administrator can confirm the person in person (the policy allows it). */
    CONDITIONS_OR_STAFF
  }

  /** Where a session stands. */
  public enum State { RUNNING, PASSED, FAILED }

  /** Live guidance for the person in front of the camera. */
  public enum Hint {
    NONE,
    /** No face in the frame. */
    NO_FACE,
    /** More than one face in the frame. */
    ONE_FACE_ONLY,
    /** Look straight at the camera with open eyes, so the session can fix the face it follows. */
    FACE_THE_CAMERA,
    /** The face does not look like the one the session started with. */
    SAME_PERSON,
    /** Every challenge is met; a few more frames are needed for the passive liveness check. */
    HOLD_STILL,
    /** The face is too small in the picture: come closer. */
    TOO_FAR,
    /** The face is too dark: turn on a light or face a window. */
    TOO_DARK,
    /** A window or lamp behind the person outshines the face. */
    BACKLIT,
    /** The face is washed out by direct light. */
    TOO_BRIGHT,
    /** The picture is blurred: hold still, clean the lens. */
    BLURRED;

    /** The hint for a frame with this quality problem. */
    public static Hint of(QualityProblem problem) {
      return valueOf(problem.name());
    }
  }

  public LivenessFrameAnswer {
    reasons = List.copyOf(reasons);
  }
}
