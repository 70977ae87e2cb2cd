package sightline.biometrics;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Purpose;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.face.FaceEmbedding;

/**
 * Face verification (1:1 against a claimed person) and identification (1:N among everyone or a group, e.g. a
 * course roster), against the enrolled templates. Every decision is written to the decision audit (scores,
 * outcome, purpose, who asked, when; never a picture or a template) and returned as a {@link FaceDecision}.
 *
 * <p><b>Threshold.</b> A face matches a person when the cosine similarity to their best template (the maximum over
 * their templates) is at least {@link #matchThreshold()}: by default
 * {@link FaceEmbedding#MATCH_THRESHOLD_AT_FAR_1E3} = 0.34, which targets a false-accept rate of 1e-3 per comparison
 * on LFW View 1 (measured on View 2: FAR 0.13% at TAR 97.8%). In 1:N every enrolled person is one comparison, so
 * the chance that a stranger matches someone grows with the number of people searched; search a group where one
 * is known. Identification answers {@link Outcome#UNKNOWN} below the threshold, never a forced best match, and
 * {@link Outcome#AMBIGUOUS} when two people score above it within 0.05.
 * Configurable as {@code sightline.biometrics.match-threshold} (recalibrate on your own enrolment data).
 *
 * <p><b>Liveness.</b> When the purpose requires it ({@link Purpose#requiresLiveness()}), a passive live score below
 * {@link #livenessThreshold()} (the site's liveness policy: the fused score of {@code fr_liveness} and MiniFASNet,
 * 0.739 by default, set by a site calibration on {@code /admin/liveness}) gives
 * {@link Outcome#NOT_LIVE}. The embedding overloads take the score the caller's own server-side analysis produced
 * (e.g. a liveness session); they never accept a descriptor a client computed.
 *
 * <p>Searches run in memory on the vision {@link sightline.vision.index.EmbeddingIndex} (loaded from the sealed
 * templates at start-up); the audit row is written in a short transaction of its own, after the search. The image
 * overloads run the face pipeline first, outside any transaction. Thread-safe.
 */
public interface FaceMatching {

  /** The cosine similarity a match needs, in (-1, 1); 0.34 by default (FAR 1e-3 on LFW View 1). */
  double matchThreshold();

  /**
   * The fused passive live score in [0, 1] a purpose that requires liveness needs: the site liveness policy's
   * threshold (0.739 by default), 0 when the policy does not require the passive cue.
   */
  double livenessThreshold();

  /**
   * Verifies that {@code probe} is {@code claimed}'s face: {@link Outcome#MATCH}, {@link Outcome#NO_MATCH},
   * {@link Outcome#NOT_ENROLLED} (no templates) or {@link Outcome#NOT_LIVE}. Audited.
   *
   * @param probe         a template computed on the server from a picture of the face
   * @param livenessScore the passive live score in [0, 1] of that picture
   * @param requestedBy   who asked (a teacher, an administrator, the person themselves); null when nobody is signed
   *                      in (a sign-in attempt)
   */
  FaceDecision verify(AccountId claimed, FaceEmbedding probe, double livenessScore, Purpose purpose,
      @Nullable AccountId requestedBy);

  /**
   * Identifies {@code probe} among everyone, or among {@code group} when it is given: {@link Outcome#MATCH} with the
   * person, {@link Outcome#UNKNOWN} below the threshold, {@link Outcome#AMBIGUOUS}, {@link Outcome#NOT_ENROLLED}
   * (nobody to search) or {@link Outcome#NOT_LIVE}. Audited.
   *
   * @param group the people to search among (e.g. a course roster); null for everyone enrolled
   */
  FaceDecision identify(FaceEmbedding probe, @Nullable Set<AccountId> group, double livenessScore, Purpose purpose,
      @Nullable AccountId requestedBy);

  /**
   * Runs the face pipeline on {@code picture} (for photo checks and the camera self-check) and verifies its one face
   * against {@code claimed}; {@link Outcome#NO_FACE} or {@link Outcome#SEVERAL_FACES} when it does not hold exactly
   * one. When {@link BiometricSettings#storeAuditFrames()} is on, the picture is kept (sealed) behind the decision.
   */
  FaceDecision verify(AccountId claimed, Image picture, Purpose purpose, @Nullable AccountId requestedBy);

  /**
   * Runs the face pipeline on {@code picture} and identifies its one face, as
   * {@link #identify(FaceEmbedding, Set, double, Purpose, AccountId)}; the picture is kept for audit only when the
   * setting is on and the face matched someone (a stranger's picture is never kept).
   */
  FaceDecision identify(Image picture, @Nullable Set<AccountId> group, Purpose purpose,
      @Nullable AccountId requestedBy);

  /** The picture kept behind a decision (JPEG), when the audit setting kept one. */
  Optional<byte[]> auditFrame(UUID decision);
}
