package sightline.biometrics;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import sightline.biometrics.FaceDecision.Mode;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Purpose;
import sightline.biometrics.FaceDecision.Reason;
import sightline.biometrics.matching.DecisionLog;
import sightline.biometrics.matching.DecisionRules;
import sightline.biometrics.matching.TemplateIndex;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.face.Liveness;
import sightline.vision.index.Match;

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
 * {@link Outcome#AMBIGUOUS} when two people score above it within {@link DecisionRules#RUNNER_UP_MARGIN}.
 * Configurable as {@code sightline.biometrics.match-threshold} (recalibrate on your own enrolment data).
 *
 * <p><b>Liveness.</b> When the purpose requires it ({@link Purpose#requiresLiveness()}), a passive live score below
 * {@link #livenessThreshold()} ({@code sightline.biometrics.liveness-threshold}, default 0.9) gives
 * {@link Outcome#NOT_LIVE}. The embedding overloads take the score the caller's own server-side analysis produced
 * (e.g. a liveness session); they never accept a descriptor a client computed.
 *
 * <p>Searches run in memory on the vision {@link sightline.vision.index.EmbeddingIndex} (loaded from the sealed
 * templates at start-up); the audit row is written in a short transaction of its own, after the search. The image
 * overloads run the face pipeline first, outside any transaction. Thread-safe.
 */
@Service
public class FaceMatching {

  private static final Set<FaceAttribute> PIPELINE = EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS);

  private final TemplateIndex index;
  private final DecisionLog log;
  private final FaceEngine engine;
  private final BiometricSettings settings;
  private final TemplateCipher cipher;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final double matchThreshold;
  private final double livenessThreshold;
  private final double faceOnlySignInThreshold;

  FaceMatching(TemplateIndex index, DecisionLog log, FaceEngine engine, BiometricSettings settings,
      TemplateCipher cipher, TransactionOperations transactions, Clock clock,
      @Value("${sightline.biometrics.match-threshold:" + FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3 + "}")
      double matchThreshold,
      @Value("${sightline.biometrics.liveness-threshold:" + Liveness.DEFAULT_THRESHOLD + "}") double livenessThreshold,
      @Value("${sightline.biometrics.face-only-sign-in-threshold:0.40}") double faceOnlySignInThreshold) {
    this.index = index;
    this.log = log;
    this.engine = engine;
    this.settings = settings;
    this.cipher = cipher;
    this.transactions = transactions;
    this.clock = clock;
    if (!(matchThreshold > -1 && matchThreshold < 1) || !(livenessThreshold >= 0 && livenessThreshold <= 1)) {
      throw new IllegalStateException("sightline.biometrics.match-threshold must be in (-1, 1) and "
          + "liveness-threshold in [0, 1]");
    }
    this.matchThreshold = matchThreshold;
    this.livenessThreshold = livenessThreshold;
    this.faceOnlySignInThreshold = Math.max(matchThreshold, faceOnlySignInThreshold);
  }

  /** The cosine similarity a match needs, in (-1, 1); 0.34 by default (FAR 1e-3 on LFW View 1). */
  public double matchThreshold() {
    return matchThreshold;
  }

  /** The passive live score in [0, 1] a purpose that requires liveness needs; 0.9 by default. */
  public double livenessThreshold() {
    return livenessThreshold;
  }

  /**
   * Verifies that {@code probe} is {@code claimed}'s face: {@link Outcome#MATCH}, {@link Outcome#NO_MATCH},
   * {@link Outcome#NOT_ENROLLED} (no templates) or {@link Outcome#NOT_LIVE}. Audited.
   *
   * @param probe         a template computed on the server from a picture of the face
   * @param livenessScore the passive live score in [0, 1] of that picture
   * @param requestedBy   who asked (a teacher, an administrator, the person themselves); null when nobody is signed
   *                      in (a sign-in attempt)
   */
  public FaceDecision verify(AccountId claimed, FaceEmbedding probe, double livenessScore, Purpose purpose,
      @Nullable AccountId requestedBy) {
    return audit(decideVerify(claimed, probe, livenessScore, purpose), null, requestedBy, null, null);
  }

  /**
   * Identifies {@code probe} among everyone, or among {@code group} when it is given: {@link Outcome#MATCH} with the
   * person, {@link Outcome#UNKNOWN} below the threshold, {@link Outcome#AMBIGUOUS}, {@link Outcome#NOT_ENROLLED}
   * (nobody to search) or {@link Outcome#NOT_LIVE}. Audited.
   *
   * @param group the people to search among (e.g. a course roster); null for everyone enrolled
   */
  public FaceDecision identify(FaceEmbedding probe, @Nullable Set<AccountId> group, double livenessScore,
      Purpose purpose, @Nullable AccountId requestedBy) {
    return audit(decideIdentify(probe, group, livenessScore, purpose), group == null ? null : group.size(),
        requestedBy, null, null);
  }

  /**
   * Runs the face pipeline on {@code picture} (for photo checks and the camera self-check) and verifies its one face
   * against {@code claimed}; {@link Outcome#NO_FACE} or {@link Outcome#SEVERAL_FACES} when it does not hold exactly
   * one. When {@link BiometricSettings#storeAuditFrames()} is on, the picture is kept (sealed) behind the decision.
   */
  public FaceDecision verify(AccountId claimed, Image picture, Purpose purpose, @Nullable AccountId requestedBy) {
    List<DetectedFace> faces = engine.analyze(picture, PIPELINE);
    FaceDecision decision = faces.size() == 1
        ? decideVerify(claimed, faces.getFirst().embedding(), faces.getFirst().liveness().liveScore(), purpose)
        : withoutFace(Mode.VERIFY, purpose, claimed, faces.size());
    // Kept only when it is the claimed person's face: a stranger's picture (NO_MATCH) is a third party's data.
    return audit(decision, null, requestedBy, picture, decision.isMatch() ? claimed : null);
  }

  /**
   * Runs the face pipeline on {@code picture} and identifies its one face, as
   * {@link #identify(FaceEmbedding, Set, double, Purpose, AccountId)}; the picture is kept for audit only when the
   * setting is on and the face matched someone (a stranger's picture is never kept).
   */
  public FaceDecision identify(Image picture, @Nullable Set<AccountId> group, Purpose purpose,
      @Nullable AccountId requestedBy) {
    List<DetectedFace> faces = engine.analyze(picture, PIPELINE);
    FaceDecision decision = faces.size() == 1
        ? decideIdentify(faces.getFirst().embedding(), group, faces.getFirst().liveness().liveScore(), purpose)
        : withoutFace(Mode.IDENTIFY, purpose, null, faces.size());
    return audit(decision, group == null ? null : group.size(), requestedBy, picture, decision.matched());
  }

  /** The picture kept behind a decision (JPEG), when the audit setting kept one. */
  public Optional<byte[]> auditFrame(UUID decision) {
    return transactions.execute(tx -> log.frameOf(decision))
        .map(frame -> cipher.openBytes(frame.sealed(), DecisionLog.frameOwner(frame.id())));
  }

  private FaceDecision decideVerify(AccountId claimed, FaceEmbedding probe, double livenessScore, Purpose purpose) {
    checkScore(livenessScore);
    Double similarity = index.best(claimed, probe.vector()).map(m -> (double) m.score()).orElse(null);
    var verdict = DecisionRules.verify(claimed, similarity, livenessScore, purpose.requiresLiveness(), matchThreshold,
        livenessThreshold);
    return new FaceDecision(UUID.randomUUID(), Mode.VERIFY, purpose, verdict.outcome(), claimed, verdict.matched(),
        similarity, matchThreshold, livenessScore, effectiveLivenessThreshold(purpose), verdict.reasons(),
        clock.instant());
  }

  private FaceDecision decideIdentify(FaceEmbedding probe, @Nullable Set<AccountId> group, double livenessScore,
      Purpose purpose) {
    checkScore(livenessScore);
    // Signing in by face alone searches everyone: the chance that a stranger passes grows with the number enrolled
    // (LFW: 3 of 1,000 stranger-to-person comparisons scored above 0.34), so it takes a stricter threshold
    // (0.40: FAR 1/3000 on LFW View 2, TAR 95.7%). Searches within a group (a roster) keep the usual one.
    double threshold = purpose == Purpose.SIGN_IN && group == null ? faceOnlySignInThreshold : matchThreshold;
    List<DecisionRules.Candidate> ranked = index.search(probe.vector(), group, 2).ranked().stream()
        .map((Match<AccountId> m) -> new DecisionRules.Candidate(m.identity(), m.score())).toList();
    var verdict = DecisionRules.identify(ranked, livenessScore, purpose.requiresLiveness(), threshold,
        livenessThreshold);
    Double similarity = ranked.isEmpty() ? null : ranked.getFirst().similarity();
    return new FaceDecision(UUID.randomUUID(), Mode.IDENTIFY, purpose, verdict.outcome(), null, verdict.matched(),
        similarity, threshold, livenessScore, effectiveLivenessThreshold(purpose), verdict.reasons(),
        clock.instant());
  }

  private FaceDecision withoutFace(Mode mode, Purpose purpose, @Nullable AccountId claimed, int faces) {
    return new FaceDecision(UUID.randomUUID(), mode, purpose, faces == 0 ? Outcome.NO_FACE : Outcome.SEVERAL_FACES,
        claimed, null, null, matchThreshold, null, effectiveLivenessThreshold(purpose),
        List.of(faces == 0 ? Reason.NO_FACE_IN_PICTURE : Reason.SEVERAL_FACES_IN_PICTURE), clock.instant());
  }

  private double effectiveLivenessThreshold(Purpose purpose) {
    return purpose.requiresLiveness() ? livenessThreshold : 0;
  }

  private FaceDecision audit(FaceDecision decision, @Nullable Integer groupSize, @Nullable AccountId requestedBy,
      @Nullable Image picture, @Nullable AccountId concerns) {
    // Encoding and sealing happen before the transaction; the frame is only kept when it names a person, so that
    // deleting that person's data deletes it.
    byte[] jpeg = picture != null && concerns != null && settings.storeAuditFrames() ? picture.toJpeg(0.85f) : null;
    UUID frame = UUID.randomUUID();
    TemplateCipher.Sealed sealed = jpeg == null ? null : cipher.sealBytes(jpeg, DecisionLog.frameOwner(frame));
    transactions.executeWithoutResult(tx -> {
      log.record(decision, groupSize, requestedBy);
      if (sealed != null) {
        log.keepFrame(frame, decision.id(), concerns, sealed, decision.at());
      }
    });
    return decision;
  }

  private static void checkScore(double livenessScore) {
    if (!(livenessScore >= 0 && livenessScore <= 1)) {
      throw new IllegalArgumentException("livenessScore must be in [0, 1], was " + livenessScore);
    }
  }
}
