package sightline.biometrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * The answer of one verification (1:1) or identification (1:N), as {@link FaceMatching} audited it. Identification
 * never forces a best guess: below the threshold the outcome is {@link Outcome#UNKNOWN} and {@code matched} is null.
 *
 * @param id                the audit row's id
 * @param mode              verification or identification
 * @param purpose           why the decision was asked for
 * @param outcome           the decision
 * @param claimed           the person a verification was asked about; null for identification
 * @param matched           the person the face was accepted as; non-null exactly when the outcome is
 *                          {@link Outcome#MATCH}
 * @param similarity        best cosine similarity in [-1, 1] (over the candidate's templates, the maximum); null when
 *                          no face or no template was there to compare
 * @param threshold         the similarity a match needs, {@link FaceMatching#matchThreshold()}
 * @param livenessScore     the passive liveness score in [0, 1] the decision used; null when no face was found
 * @param livenessThreshold the liveness score a match needs (0 when the purpose does not require liveness)
 * @param reasons           why, in the order the rules applied; never empty
 * @param at                when it was decided
 */
public record FaceDecision(UUID id, Mode mode, Purpose purpose, Outcome outcome, @Nullable AccountId claimed,
    @Nullable AccountId matched, @Nullable Double similarity, double threshold, @Nullable Double livenessScore,
    double livenessThreshold, List<Reason> reasons, Instant at) {

  public FaceDecision {
    reasons = List.copyOf(reasons);
    if ((outcome == Outcome.MATCH) != (matched != null)) {
      throw new IllegalArgumentException("a matched person is given exactly for a MATCH, outcome was " + outcome);
    }
  }

  /** Whether the face was accepted as {@link #matched()}. */
  public boolean isMatch() {
    return outcome == Outcome.MATCH;
  }

  /** 1:1 against a claimed person, or 1:N among everyone or a group. */
  public enum Mode { VERIFY, IDENTIFY }

  /**
   * Why a decision was asked for; stored in the audit. Whether liveness must pass is part of the purpose: an
   * administrator checking an uploaded photo cannot expect a live face.
   */
  public enum Purpose {
    /** Signing in with one's face (the face sign-in of the integrators' API). */
    SIGN_IN(true),
    /** Checking in to a class session (attendance module). */
    ATTENDANCE(true),
    /** A person checks their own enrolment with the live camera. */
    SELF_CHECK(true),
    /** An administrator checks an uploaded photo: liveness is reported but not required. */
    PHOTO_CHECK(false),
    /** An API caller sent a picture. */
    API(true),
    /** A spot check of who is in view during an online class (engagement module): a frame's face, no liveness. */
    ENGAGEMENT(false);

    private final boolean requiresLiveness;

    Purpose(boolean requiresLiveness) {
      this.requiresLiveness = requiresLiveness;
    }

    public boolean requiresLiveness() {
      return requiresLiveness;
    }
  }

  /** What was decided. */
  public enum Outcome {
    /** The face is {@link #matched()}: similarity at or above the threshold (and liveness passed when required). */
    MATCH,
    /** Verification: the face is not the claimed person's. */
    NO_MATCH,
    /** Identification: nobody (in the group) scores at or above the threshold. Never a best guess. */
    UNKNOWN,
    /** Identification: two people score above the threshold too close to each other to tell apart. */
    AMBIGUOUS,
    /** The claimed person, or everyone in the group, has no templates. */
    NOT_ENROLLED,
    /** Liveness was required and the score is below its threshold. */
    NOT_LIVE,
    /** The picture holds no face. */
    NO_FACE,
    /** The picture holds more than one face. */
    SEVERAL_FACES
  }

  /** Machine-readable reasons (stable names; pages translate them as {@code face.reason.<NAME>}). */
  public enum Reason {
    SIMILARITY_AT_OR_ABOVE_THRESHOLD,
    SIMILARITY_BELOW_THRESHOLD,
    RUNNER_UP_TOO_CLOSE,
    LIVENESS_PASSED,
    LIVENESS_BELOW_THRESHOLD,
    LIVENESS_NOT_REQUIRED,
    NO_TEMPLATES,
    NO_FACE_IN_PICTURE,
    SEVERAL_FACES_IN_PICTURE
  }
}
