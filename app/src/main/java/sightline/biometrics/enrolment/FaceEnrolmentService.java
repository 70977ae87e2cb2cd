package sightline.biometrics.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import sightline.biometrics.BiometricDataDeleted;
import sightline.biometrics.ConsentOutdated;
import sightline.biometrics.ConsentRequired;
import sightline.biometrics.EnrolmentHint;
import sightline.biometrics.EnrolmentSource;
import sightline.biometrics.EnrolmentStatus;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.FaceEnrolled;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceMatching;
import sightline.biometrics.PhotoCountRefused;
import sightline.biometrics.TemplateCipher;
import sightline.biometrics.matching.DecisionLog;
import sightline.biometrics.matching.TemplateIndex;
import sightline.biometrics.matching.TemplateStore;
import sightline.biometrics.liveness.LivenessPolicies;
import sightline.biometrics.liveness.SitePolicy;
import sightline.identity.AccountId;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.liveness.PassiveLivenessRule;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.index.Match;

/**
 * The face enrolment behind {@link FaceEnrolment}: quality gates, the consistency of one enrolment's frames, and
 * "commit, then update the index" under the person's lock, so that an enrolment and a deletion of the same person
 * cannot interleave.
 */
@Service
class FaceEnrolmentService implements FaceEnrolment {

  private static final Logger log = LoggerFactory.getLogger(FaceEnrolmentService.class);

  /**
   * A frame this similar to one accepted before in the same enrolment is a repeat (a frozen or replayed feed):
   * different frames of a still face measured 0.96–0.99 on the face-api photos, identical frames 1.0.
   */
  static final double REPEAT_SIMILARITY = 0.995;
  /**
   * A face this similar to another enrolled person is refused. Well above the match threshold (0.34): on LFW
   * hardly any impostor pair reaches 0.5, while most same-person pairs do.
   */
  static final double OTHER_PERSON_REFUSAL = 0.5;

  private static final Set<FaceAttribute> ATTRIBUTES = EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.QUALITY,
      FaceAttribute.POSE, FaceAttribute.LIVENESS, FaceAttribute.MINIFASNET);

  private final FaceEngine engine;
  private final ImageInput images;
  private final FaceMatching matching;
  private final TemplateStore store;
  private final TemplateIndex index;
  private final PendingEnrolments pending;
  private final PersonLocks locks = new PersonLocks();
  private final DecisionLog decisions;
  private final TemplateCipher cipher;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LivenessPolicies policies;

  FaceEnrolmentService(FaceEngine engine, ImageInput images, FaceMatching matching, TemplateStore store,
      TemplateIndex index, PendingEnrolments pending, DecisionLog decisions, TemplateCipher cipher,
      TransactionOperations transactions, ApplicationEventPublisher events, Clock clock, LivenessPolicies policies) {
    this.engine = engine;
    this.policies = policies;
    this.images = images;
    this.matching = matching;
    this.store = store;
    this.index = index;
    this.pending = pending;
    this.decisions = decisions;
    this.cipher = cipher;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public EnrolmentStatus recordConsent(AccountId person, String consentVersion, AccountId recordedBy) {
    if (!CONSENT_VERSION.equals(consentVersion)) {
      throw new ConsentOutdated(consentVersion, CONSENT_VERSION);
    }
    return Objects.requireNonNull(transactions.execute(tx -> {
      store.saveConsent(person, consentVersion, clock.instant(), recordedBy);
      return readStatus(person);
    }));
  }

  @Override
  public EnrolmentStatus status(AccountId person) {
    return Objects.requireNonNull(transactions.execute(tx -> readStatus(person)));
  }

  @Override
  public FrameAnswer enrolFrame(AccountId person, byte[] encoded) {
    requireConsent(person);
    return judgeFrame(person, images.decode(encoded, ImageUse.FRAME));
  }

  @Override
  public FrameAnswer enrolFrame(AccountId person, Image frame) {
    requireConsent(person);
    return judgeFrame(person, frame);
  }

  @Override
  public void restart(AccountId person) {
    pending.clear(person);
  }

  @Override
  public PhotoAnswer enrolPhotos(AccountId person, List<byte[]> photos, String consentVersion, AccountId admin) {
    if (photos.isEmpty() || photos.size() > MAX_PHOTOS) {
      throw new PhotoCountRefused(photos.size());
    }
    if (!CONSENT_VERSION.equals(consentVersion)) {
      throw new ConsentOutdated(consentVersion, CONSENT_VERSION);
    }
    List<Image> pictures = photos.stream().map(photo -> images.decode(photo, ImageUse.PHOTO)).toList();
    List<@Nullable EnrolmentHint> hints = new ArrayList<>();
    List<DetectedFace> accepted = new ArrayList<>();
    for (Image picture : pictures) {
      List<DetectedFace> faces = engine.analyze(picture, ATTRIBUTES);
      EnrolmentHint hint = gates().judge(faces, picture.width(), EnrolmentSource.PHOTO)
          .orElseGet(() -> consistency(person, faces.getFirst(), accepted));
      hints.add(hint);
      if (hint == null) {
        accepted.add(faces.getFirst());
      }
    }
    transactions.executeWithoutResult(tx -> store.saveConsent(person, consentVersion, clock.instant(), admin));
    if (!accepted.isEmpty()) {
      store(person, accepted, EnrolmentSource.PHOTO, admin);
    }
    return new PhotoAnswer(hints, accepted.size(), status(person));
  }

  @Override
  public int delete(AccountId person) {
    return delete(person, person);
  }

  @Override
  public int delete(AccountId person, AccountId deletedBy) {
    return locks.underLock(person, () -> {
      int deleted = Objects.requireNonNull(transactions.execute(tx -> {
        int templates = store.deleteTemplates(person);
        store.deleteConsent(person);
        decisions.deleteFrames(person);
        events.publishEvent(new BiometricDataDeleted(person, templates, deletedBy, clock.instant()));
        return templates;
      }));
      index.remove(person);
      pending.clear(person);
      return deleted;
    });
  }

  private FrameAnswer judgeFrame(AccountId person, Image frame) {
    List<DetectedFace> faces = engine.analyze(frame, ATTRIBUTES);   // inference outside the person's lock
    return locks.underLock(person, () -> admitFrame(person, faces, frame.width()));
  }

  /** Under the person's lock: two frames at once (two tabs, a retry) cannot both be the third. */
  private FrameAnswer admitFrame(AccountId person, List<DetectedFace> faces, int frameWidth) {
    Instant now = clock.instant();
    List<DetectedFace> before = pending.accepted(person, now);
    EnrolmentHint hint = gates().judge(faces, frameWidth, EnrolmentSource.CAMERA)
        .orElseGet(() -> consistency(person, faces.getFirst(), before));
    if (hint != null) {
      return new FrameAnswer(false, hint, before.size(), FRAMES_PER_ENROLMENT, false);
    }
    List<DetectedFace> accepted = pending.add(person, faces.getFirst(), now);
    if (accepted.size() < FRAMES_PER_ENROLMENT) {
      return new FrameAnswer(true, null, accepted.size(), FRAMES_PER_ENROLMENT, false);
    }
    store(person, accepted, EnrolmentSource.CAMERA, person);
    pending.clear(person);
    return new FrameAnswer(true, null, accepted.size(), FRAMES_PER_ENROLMENT, true);
  }

  /** Same person as before, not a repeat, nobody else's face; null when all hold. */
  private @Nullable EnrolmentHint consistency(AccountId person, DetectedFace face, List<DetectedFace> before) {
    FaceEmbedding embedding = Objects.requireNonNull(face.embedding());
    for (DetectedFace earlier : before) {
      double similarity = embedding.similarity(Objects.requireNonNull(earlier.embedding()));
      if (similarity < matching.matchThreshold()) {
        return EnrolmentHint.NOT_THE_SAME_PERSON;
      }
      if (similarity >= REPEAT_SIMILARITY) {
        return EnrolmentHint.MOVE_SLIGHTLY;
      }
    }
    for (Match<AccountId> other : index.search(embedding.vector(), null, 3).ranked()) {
      if (other.identity().equals(person)) {
        continue;
      }
      if (other.score() >= OTHER_PERSON_REFUSAL) {
        log.warn("Face enrolment of {} refused: it scores {} against enrolled account {}", person,
            String.format("%.3f", other.score()), other.identity());
        return EnrolmentHint.ENROLLED_AS_SOMEONE_ELSE;
      }
      if (other.score() >= matching.matchThreshold()) {
        log.warn("Face enrolment of {} resembles enrolled account {} ({}); accepted", person, other.identity(),
            String.format("%.3f", other.score()));
      }
    }
    return null;
  }

  private void store(AccountId person, List<DetectedFace> faces, EnrolmentSource source, AccountId by) {
    String owner = TemplateStore.owner(person);
    List<TemplateStore.NewTemplate> rows = new ArrayList<>();
    List<TemplateIndex.Entry> entries = new ArrayList<>();
    for (DetectedFace face : faces) {
      UUID id = UUID.randomUUID();
      float[] vector = Objects.requireNonNull(face.embedding()).vector();
      var quality = Objects.requireNonNull(face.quality());
      rows.add(new TemplateStore.NewTemplate(id, cipher.seal(vector, owner), source, quality.faceSizePx(),
          quality.sharpness(), face.liveness() == null ? null : face.liveness().liveScore()));
      entries.add(new TemplateIndex.Entry(id, vector));
    }
    // Under the person's lock, "commit, then index" cannot interleave with a deletion: no template outlives it.
    locks.underLock(person, () -> {
      transactions.executeWithoutResult(tx -> {
        if (!hasCurrentConsent(store.consent(person))) {
          throw new ConsentRequired(CONSENT_VERSION);   // withdrawn (data deleted) while the frames were judged
        }
        Instant at = clock.instant();
        store.replace(person, rows, at);
        events.publishEvent(new FaceEnrolled(person, rows.size(), source, by, at));
      });
      index.replace(person, entries);
      return null;
    });
  }

  private void requireConsent(AccountId person) {
    if (!hasCurrentConsent(transactions.execute(tx -> store.consent(person)))) {
      throw new ConsentRequired(CONSENT_VERSION);
    }
  }

  private static boolean hasCurrentConsent(@Nullable Optional<TemplateStore.Consent> consent) {
    return consent != null && consent.isPresent() && consent.get().version().equals(CONSENT_VERSION);
  }

  private EnrolmentStatus readStatus(AccountId person) {
    var consent = store.consent(person);
    return new EnrolmentStatus(person, consent.map(TemplateStore.Consent::version).orElse(null),
        consent.map(TemplateStore.Consent::at).orElse(null), consent.map(TemplateStore.Consent::recordedBy).orElse(null),
        store.count(person), store.enrolledAt(person).orElse(null), pending.accepted(person, clock.instant()).size(),
        FRAMES_PER_ENROLMENT);
  }

  /** The gates with the site liveness policy in force (its passive threshold, 0 when it does not require it). */
  private EnrolmentGates gates() {
    SitePolicy policy = policies.current();
    PassiveLivenessRule passive = policy.policy().passive();
    return EnrolmentGates.defaults(policy.requirePassive() ? passive : passive.withThresholds(0, 0));
  }
}
