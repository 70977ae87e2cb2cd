package sightline.biometrics;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;
import sightline.biometrics.enrolment.EnrolmentGates;
import sightline.biometrics.enrolment.PendingEnrolments;
import sightline.biometrics.enrolment.PersonLocks;
import sightline.biometrics.enrolment.TemplateStore;
import sightline.biometrics.matching.DecisionLog;
import sightline.biometrics.matching.TemplateIndex;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.index.Match;

/**
 * Face enrolment: consent, the guided camera enrolment (frame by frame, with a hint for every refused frame),
 * enrolment from photos by an administrator, status, and deletion of everything biometric about a person.
 *
 * <p>Every picture is judged on the server's own analysis ({@link FaceEngine}) by the quality gates: exactly one
 * face, at least 80 px (and, from a camera, 12.5% of the frame width), |yaw| and |pitch| ≤ 20°, brightness 0.25–0.85,
 * sharpness, and for camera frames a passive live score of at least {@link FaceMatching#livenessThreshold()}
 * (photos are exempt: they are photos, and the administrator vouches for them). Then the frame must show the same
 * person as the frames accepted before it, must not repeat one of them (a frozen or replayed feed), and must not be
 * someone else who is already enrolled: a face that scores {@link #OTHER_PERSON_REFUSAL} or more against another
 * enrolled person is refused (so nobody can enrol as a second identity of someone else, or make face-only sign-in
 * ambiguous); one between the match threshold and that value is accepted and logged, because at FAR 1e-3 a large
 * school has many look-alike pairs and refusing them would lock real people out.
 *
 * <p>A camera enrolment keeps its accepted frames in memory until it has {@link #FRAMES_PER_ENROLMENT}, then stores
 * them in one transaction; enrolling again replaces the previous templates. Templates are sealed with
 * {@link TemplateCipher} (owner {@code account:<uuid>} as associated data, key id stored). Pictures are never stored
 * here. Inference never runs inside a transaction. Thread-safe.
 */
@Service
public class FaceEnrolment {

  private static final Logger log = LoggerFactory.getLogger(FaceEnrolment.class);

  /** The version of the consent text ({@code face.consent.text} in the messages) people agree to. */
  public static final String CONSENT_VERSION = "2026-12-07";
  /** Accepted camera frames one enrolment stores as templates. */
  public static final int FRAMES_PER_ENROLMENT = 3;
  /** Photos an administrator may enrol at once (each accepted one becomes a template). */
  public static final int MAX_PHOTOS = 5;
  /**
   * A frame this similar to one accepted before in the same enrolment is a repeat (a frozen or replayed feed):
   * different frames of a still face measured 0.96–0.99 on the face-api photos, identical frames 1.0.
   */
  public static final double REPEAT_SIMILARITY = 0.995;
  /**
   * A face this similar to another enrolled person is refused. Well above the match threshold (0.34): on LFW
   * hardly any impostor pair reaches 0.5, while most same-person pairs do.
   */
  public static final double OTHER_PERSON_REFUSAL = 0.5;

  private static final Set<FaceAttribute> ATTRIBUTES = EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.QUALITY,
      FaceAttribute.POSE, FaceAttribute.LIVENESS);

  /** Where templates came from. */
  public enum Source { CAMERA, PHOTO }

  /** Why a picture was refused, as a person can act on it (pages translate {@code face.hint.<NAME>}). */
  public enum Hint {
    /** No face found: put your face in the oval. */
    NO_FACE,
    /** More than one face: one face only. */
    ONE_FACE_ONLY,
    /** Face too small: come closer. */
    COME_CLOSER,
    /** Head turned or tilted: face the camera. */
    FACE_THE_CAMERA,
    /** Face too dark: more light. */
    MORE_LIGHT,
    /** Face washed out: less light. */
    LESS_LIGHT,
    /** Face blurred: hold still. */
    HOLD_STILL,
    /** Passive liveness below the threshold: use your live face, not a photo or a screen. */
    NOT_LIVE,
    /** The same frame again: move your head a little. */
    MOVE_SLIGHTLY,
    /** Not the person of the frames accepted before: start again. */
    NOT_THE_SAME_PERSON,
    /** The face already belongs to another enrolled person. */
    ENROLLED_AS_SOMEONE_ELSE
  }

  /**
   * The answer to one camera frame.
   *
   * @param accepted       whether the frame was kept
   * @param hint           why not, when it was refused
   * @param acceptedFrames frames accepted in this enrolment so far (back to 0 once it completed)
   * @param framesNeeded   {@link #FRAMES_PER_ENROLMENT}
   * @param complete       the enrolment has just been stored
   */
  public record FrameAnswer(boolean accepted, @Nullable Hint hint, int acceptedFrames, int framesNeeded,
      boolean complete) {
  }

  /**
   * The answer to an enrolment from photos.
   *
   * @param hints  one entry per photo, in order: null when it was accepted, else why not
   * @param stored templates stored (0 when no photo was accepted; the previous templates then stay)
   * @param status the enrolment afterwards
   */
  public record PhotoAnswer(List<@Nullable Hint> hints, int stored, EnrolmentStatus status) {

    public PhotoAnswer {
      hints = java.util.Collections.unmodifiableList(new ArrayList<>(hints));
    }
  }

  /** Enrolment needs the person's consent to the current consent text first. */
  public static final class ConsentRequired extends ErrorResponseException {
    ConsentRequired(String version) {
      super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {version});
      getBody().setProperty("consentVersion", version);
    }
  }

  /** Consent was given to a consent text version that is not the current one. */
  public static final class ConsentOutdated extends ErrorResponseException {
    ConsentOutdated(String given, String current) {
      super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null,
          new Object[] {given, current});
      getBody().setProperty("consentVersion", current);
    }
  }

  /** Between 1 and {@link #MAX_PHOTOS} photos may be enrolled at once. */
  public static final class PhotoCountRefused extends ErrorResponseException {
    PhotoCountRefused(int given) {
      super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, null,
          new Object[] {given, MAX_PHOTOS});
    }
  }

  private final FaceEngine engine;
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
  private final EnrolmentGates gates;

  FaceEnrolment(FaceEngine engine, FaceMatching matching, TemplateStore store, TemplateIndex index,
      PendingEnrolments pending, DecisionLog decisions, TemplateCipher cipher, TransactionOperations transactions,
      ApplicationEventPublisher events, Clock clock) {
    this.engine = engine;
    this.matching = matching;
    this.store = store;
    this.index = index;
    this.pending = pending;
    this.decisions = decisions;
    this.cipher = cipher;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
    this.gates = EnrolmentGates.defaults(matching.livenessThreshold());
  }

  /**
   * Records that {@code person} agreed to the consent text {@code consentVersion}.
   *
   * @param recordedBy the person, or the administrator recording it on their behalf
   * @throws ConsentOutdated when the version is not {@link #CONSENT_VERSION}
   */
  public EnrolmentStatus recordConsent(AccountId person, String consentVersion, AccountId recordedBy) {
    if (!CONSENT_VERSION.equals(consentVersion)) {
      throw new ConsentOutdated(consentVersion, CONSENT_VERSION);
    }
    return Objects.requireNonNull(transactions.execute(tx -> {
      store.saveConsent(person, consentVersion, clock.instant(), recordedBy);
      return readStatus(person);
    }));
  }

  /** Where the person's enrolment stands. */
  public EnrolmentStatus status(AccountId person) {
    return Objects.requireNonNull(transactions.execute(tx -> readStatus(person)));
  }

  /**
   * Judges one frame of the guided camera enrolment (a JPEG or PNG, ≤ 640 px wide expected).
   *
   * @throws ImageRejected    when the bytes are not a picture Sightline decodes
   * @throws ConsentRequired  when the person has not agreed to the current consent text
   */
  public FrameAnswer enrolFrame(AccountId person, byte[] encoded) {
    requireConsent(person);
    return judgeFrame(person, engine.decode(encoded));
  }

  /**
   * Judges one decoded camera frame; see {@link #enrolFrame(AccountId, byte[])}. Once
   * {@link #FRAMES_PER_ENROLMENT} frames are accepted they replace the person's templates and {@link FaceEnrolled}
   * is published.
   */
  public FrameAnswer enrolFrame(AccountId person, Image frame) {
    requireConsent(person);
    return judgeFrame(person, frame);
  }

  /** Forgets the frames accepted in the person's unfinished camera enrolment. */
  public void restart(AccountId person) {
    pending.clear(person);
  }

  /**
   * Enrols {@code person} from uploaded photos (an administrator, for people without a camera), recording the
   * administrator's confirmation of the person's consent first. Each photo must pass the gates (liveness excepted)
   * and show the same person as the first accepted one; the accepted ones replace the person's templates.
   *
   * @throws ImageRejected      when a photo is not a picture Sightline decodes (nothing is stored)
   * @throws ConsentOutdated    when {@code consentVersion} is not the current one
   * @throws PhotoCountRefused  for no photo or more than {@link #MAX_PHOTOS}
   */
  public PhotoAnswer enrolPhotos(AccountId person, List<byte[]> photos, String consentVersion, AccountId admin) {
    if (photos.isEmpty() || photos.size() > MAX_PHOTOS) {
      throw new PhotoCountRefused(photos.size());
    }
    if (!CONSENT_VERSION.equals(consentVersion)) {
      throw new ConsentOutdated(consentVersion, CONSENT_VERSION);
    }
    List<Image> pictures = photos.stream().map(engine::decode).toList();
    List<@Nullable Hint> hints = new ArrayList<>();
    List<DetectedFace> accepted = new ArrayList<>();
    for (Image picture : pictures) {
      List<DetectedFace> faces = engine.analyze(picture, ATTRIBUTES);
      Hint hint = gates.judge(faces, picture.width(), Source.PHOTO)
          .orElseGet(() -> consistency(person, faces.getFirst(), accepted));
      hints.add(hint);
      if (hint == null) {
        accepted.add(faces.getFirst());
      }
    }
    transactions.executeWithoutResult(tx -> store.saveConsent(person, consentVersion, clock.instant(), admin));
    if (!accepted.isEmpty()) {
      store(person, accepted, Source.PHOTO, admin);
    }
    return new PhotoAnswer(hints, accepted.size(), status(person));
  }

  /**
   * Deletes every face template, the consent and any audit frames of the person themselves (rows deleted, not
   * flagged), and forgets them in the index; publishes {@link BiometricDataDeleted}. Decision audit rows stay: they
   * hold scores and ids, no biometric data.
   *
   * @return the number of template rows deleted
   */
  public int delete(AccountId person) {
    return delete(person, person);
  }

  /** As {@link #delete(AccountId)}, done by {@code deletedBy} (the person or an administrator). */
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
    Hint hint = gates.judge(faces, frameWidth, Source.CAMERA)
        .orElseGet(() -> consistency(person, faces.getFirst(), before));
    if (hint != null) {
      return new FrameAnswer(false, hint, before.size(), FRAMES_PER_ENROLMENT, false);
    }
    List<DetectedFace> accepted = pending.add(person, faces.getFirst(), now);
    if (accepted.size() < FRAMES_PER_ENROLMENT) {
      return new FrameAnswer(true, null, accepted.size(), FRAMES_PER_ENROLMENT, false);
    }
    store(person, accepted, Source.CAMERA, person);
    pending.clear(person);
    return new FrameAnswer(true, null, accepted.size(), FRAMES_PER_ENROLMENT, true);
  }

  /** Same person as before, not a repeat, nobody else's face; null when all hold. */
  private @Nullable Hint consistency(AccountId person, DetectedFace face, List<DetectedFace> before) {
    FaceEmbedding embedding = Objects.requireNonNull(face.embedding());
    for (DetectedFace earlier : before) {
      double similarity = embedding.similarity(Objects.requireNonNull(earlier.embedding()));
      if (similarity < matching.matchThreshold()) {
        return Hint.NOT_THE_SAME_PERSON;
      }
      if (similarity >= REPEAT_SIMILARITY) {
        return Hint.MOVE_SLIGHTLY;
      }
    }
    for (Match<AccountId> other : index.search(embedding.vector(), null, 3).ranked()) {
      if (other.identity().equals(person)) {
        continue;
      }
      if (other.score() >= OTHER_PERSON_REFUSAL) {
        log.warn("Face enrolment of {} refused: it scores {} against enrolled account {}", person,
            String.format("%.3f", other.score()), other.identity());
        return Hint.ENROLLED_AS_SOMEONE_ELSE;
      }
      if (other.score() >= matching.matchThreshold()) {
        log.warn("Face enrolment of {} resembles enrolled account {} ({}); accepted", person, other.identity(),
            String.format("%.3f", other.score()));
      }
    }
    return null;
  }

  private void store(AccountId person, List<DetectedFace> faces, Source source, AccountId by) {
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
}
