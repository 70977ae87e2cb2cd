package sightline.biometrics;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.liveness.QualityProblem;

/**
 * How a liveness session ended, or stands while it still runs. For server-side callers only: it carries face
 * embeddings, which are biometric data, and is never serialised to clients (the HTTP API sends its own view).
 * Immutable.
 *
 * @param session              the session
 * @param purpose              what it was for
 * @param subject              the account it was started for, if any
 * @param passed               whether every challenge was met in order, in time, by one live face
 * @param ended                false while the session still runs
 * @param reasons              why it failed (empty when it passed or still runs)
 * @param passiveLivenessScore median fused passive score (the site policy's fusion of {@code fr_liveness} and
 *                             MiniFASNet) over the session's usable frames, in [0, 1]; 0 when no such frame arrived
 * @param challenges           the session's challenges, in order
 * @param challengesMet        the challenges met, in order (a prefix of {@code challenges})
 * @param probe                embedding of the session's best frame (most frontal, eyes open), null when no face
 *                             was seen; match it with {@code FaceMatching}
 * @param consistentFace       mean of the embeddings that matched the session's first good face, renormalised; null
 *                             when no face was seen
 * @param startedAt            when the session started
 * @param endedAt              when it ended, null while it runs
 */
public record LivenessOutcome(LivenessSessionId session, LivenessPurpose purpose, @Nullable AccountId subject,
    boolean passed, boolean ended, List<Reason> reasons, double passiveLivenessScore, List<Challenge> challenges,
    List<Challenge> challengesMet, @Nullable FaceEmbedding probe, @Nullable FaceEmbedding consistentFace,
    Instant startedAt, @Nullable Instant endedAt) {

  /** Why a session failed. Part of the API: add values, never rename them (they are stored). */
  public enum Reason {
    NO_BLINK_SEEN, NO_TURN_LEFT_SEEN, NO_TURN_RIGHT_SEEN, NO_LOOK_UP_SEEN, NOT_CLOSER, SEVERAL_FACES, FACE_CHANGED,
    PASSIVE_LIVENESS_TOO_LOW, EXPIRED,
    /** The face moved as one plane during a challenge: a photo or a screen. */
    MOTION_PLANAR,
    /** The face moved as no rigid head can: a warped photo. */
    MOTION_NOT_RIGID,
    /** The session asked for a head turn and the landmarks never showed a 3-D head turning. */
    NO_HEAD_MOTION,
    /** Too few frames good enough to judge, and these were the problems: not a verdict on liveness. */
    TOO_FAR, TOO_DARK, BACKLIT, TOO_BRIGHT, BLURRED;

    /** The reason for frames with this quality problem. */
    public static Reason of(QualityProblem problem) {
      return valueOf(problem.name());
    }

    /** Whether the reason is a picture-quality problem the person can fix, rather than a liveness verdict. */
    public boolean quality() {
      return this == TOO_FAR || this == TOO_DARK || this == BACKLIT || this == TOO_BRIGHT || this == BLURRED;
    }

    /** The reason given when {@code challenge} was not met in time. */
    public static Reason notMet(Challenge challenge) {
      return switch (challenge) {
        case BLINK -> NO_BLINK_SEEN;
        case TURN_LEFT -> NO_TURN_LEFT_SEEN;
        case TURN_RIGHT -> NO_TURN_RIGHT_SEEN;
        case LOOK_UP -> NO_LOOK_UP_SEEN;
        case COME_CLOSER -> NOT_CLOSER;
      };
    }
  }

  public LivenessOutcome {
    reasons = List.copyOf(reasons);
    challenges = List.copyOf(challenges);
    challengesMet = List.copyOf(challengesMet);
  }
}
