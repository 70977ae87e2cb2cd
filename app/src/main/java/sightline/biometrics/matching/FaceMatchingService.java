package sightline.biometrics.matching;

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
import sightline.biometrics.BiometricSettings;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceDecision.Mode;
import sightline.biometrics.FaceDecision.Outcome;
import sightline.biometrics.FaceDecision.Purpose;
import sightline.biometrics.FaceDecision.Reason;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.TemplateCipher;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import sightline.biometrics.liveness.LivenessPolicies;
import sightline.biometrics.liveness.SitePolicy;
import sightline.vision.index.Match;

/**
 * The matching behind {@link FaceMatching}: the in-memory index, the decision rules, and the audit row of every
 * decision, written in a short transaction of its own after the search.
 */
@Service
class FaceMatchingService implements FaceMatching {

  private static final Set<FaceAttribute> PIPELINE = EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS,
      FaceAttribute.MINIFASNET);

  private final TemplateIndex index;
  private final DecisionLog log;
  private final FaceEngine engine;
  private final BiometricSettings settings;
  private final TemplateCipher cipher;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final double matchThreshold;
  private final LivenessPolicies policies;
  private final double faceOnlySignInThreshold;

  FaceMatchingService(TemplateIndex index, DecisionLog log, FaceEngine engine, BiometricSettings settings,
      TemplateCipher cipher, TransactionOperations transactions, Clock clock,
      @Value("${sightline.biometrics.match-threshold:" + FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3 + "}")
      double matchThreshold,
      LivenessPolicies policies,
      @Value("${sightline.biometrics.face-only-sign-in-threshold:0.40}") double faceOnlySignInThreshold) {
    this.index = index;
    this.log = log;
    this.engine = engine;
    this.settings = settings;
    this.cipher = cipher;
    this.transactions = transactions;
    this.clock = clock;
    if (!(matchThreshold > -1 && matchThreshold < 1)) {
      throw new IllegalStateException("sightline.biometrics.match-threshold must be in (-1, 1)");
    }
    this.matchThreshold = matchThreshold;
    this.policies = policies;
    this.faceOnlySignInThreshold = Math.max(matchThreshold, faceOnlySignInThreshold);
  }

  @Override
  public double matchThreshold() {
    return matchThreshold;
  }

  @Override
  public double livenessThreshold() {
    SitePolicy policy = policies.current();
    return policy.requirePassive() ? policy.threshold() : 0;
  }

  /** The site policy's fused passive score of a face analysed with {@link #PIPELINE}. */
  private double liveScore(DetectedFace face) {
    return policies.current().policy().passive().score(face);
  }

  @Override
  public FaceDecision verify(AccountId claimed, FaceEmbedding probe, double livenessScore, Purpose purpose,
      @Nullable AccountId requestedBy) {
    return audit(decideVerify(claimed, probe, livenessScore, purpose), null, requestedBy, null, null);
  }

  @Override
  public FaceDecision identify(FaceEmbedding probe, @Nullable Set<AccountId> group, double livenessScore,
      Purpose purpose, @Nullable AccountId requestedBy) {
    return audit(decideIdentify(probe, group, livenessScore, purpose), group == null ? null : group.size(),
        requestedBy, null, null);
  }

  @Override
  public FaceDecision verify(AccountId claimed, Image picture, Purpose purpose, @Nullable AccountId requestedBy) {
    List<DetectedFace> faces = engine.analyze(picture, PIPELINE);
    FaceDecision decision = faces.size() == 1
        ? decideVerify(claimed, faces.getFirst().embedding(), liveScore(faces.getFirst()), purpose)
        : withoutFace(Mode.VERIFY, purpose, claimed, faces.size());
    // Kept only when it is the claimed person's face: a stranger's picture (NO_MATCH) is a third party's data.
    return audit(decision, null, requestedBy, picture, decision.isMatch() ? claimed : null);
  }

  @Override
  public FaceDecision identify(Image picture, @Nullable Set<AccountId> group, Purpose purpose,
      @Nullable AccountId requestedBy) {
    List<DetectedFace> faces = engine.analyze(picture, PIPELINE);
    FaceDecision decision = faces.size() == 1
        ? decideIdentify(faces.getFirst().embedding(), group, liveScore(faces.getFirst()), purpose)
        : withoutFace(Mode.IDENTIFY, purpose, null, faces.size());
    return audit(decision, group == null ? null : group.size(), requestedBy, picture, decision.matched());
  }

  @Override
  public Optional<byte[]> auditFrame(UUID decision) {
    return transactions.execute(tx -> log.frameOf(decision))
        .map(frame -> cipher.openBytes(frame.sealed(), DecisionLog.frameOwner(frame.id())));
  }

  private FaceDecision decideVerify(AccountId claimed, FaceEmbedding probe, double livenessScore, Purpose purpose) {
    checkScore(livenessScore);
    Double similarity = index.best(claimed, probe.vector()).map(m -> (double) m.score()).orElse(null);
    var verdict = DecisionRules.verify(claimed, similarity, livenessScore, purpose.requiresLiveness(), matchThreshold,
        livenessThreshold());
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
        livenessThreshold());
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
    return purpose.requiresLiveness() ? livenessThreshold() : 0;
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
