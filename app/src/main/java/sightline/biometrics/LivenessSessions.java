package sightline.biometrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import sightline.biometrics.LivenessFrameAnswer.State;
import sightline.biometrics.liveness.ChallengeRun;
import sightline.biometrics.liveness.FailedSessionLimit;
import sightline.biometrics.liveness.FrameObservation;
import sightline.biometrics.liveness.LivenessFrameRejected;
import sightline.biometrics.liveness.LivenessLimitReached;
import sightline.biometrics.liveness.LivenessRules;
import sightline.biometrics.liveness.LivenessSessionNotFound;
import sightline.biometrics.liveness.LivenessSessionNotPassed;
import sightline.biometrics.liveness.LivenessSessionNotYours;
import sightline.biometrics.liveness.LivenessSessionRepository;
import sightline.identity.AccountId;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;

/**
 * Liveness sessions (seed 004, "Veronica"): a caller starts a session and gets 2–3 random challenges (blink, turn
 * left or right, look up, come closer) to meet in order before it expires; it then sends camera frames, which the
 * server analyses itself (one face, the same face, head pose, eye states, distance, passive liveness) and answers
 * each with feedback. A passed session proves, once, that a live person was in front of the camera; face sign-in and
 * check-in {@link #consume} it and match its {@link LivenessOutcome#probe()} with {@code FaceMatching}.
 *
 * <p>Sessions live in this server's memory (Sightline is one server, like {@code system.RateLimits}); every ended
 * session is recorded in {@code biometrics.liveness_session} and announced as {@link LivenessSessionEnded}.
 * Thread-safe: frames of one session are analysed one at a time, sessions in parallel (bounded by
 * {@link FaceEngine}).
 */
@Service
@EnableConfigurationProperties(LivenessRules.class)
public class LivenessSessions {

  private static final Set<FaceAttribute> ATTRIBUTES = EnumSet.of(FaceAttribute.LANDMARKS, FaceAttribute.EMBEDDING,
      FaceAttribute.POSE, FaceAttribute.EYES, FaceAttribute.LIVENESS);
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  /** One session's state; guarded by its own monitor. */
  private static final class Session {
    final LivenessSessionId id;
    final byte[] nonce;
    final LivenessPurpose purpose;
    final @Nullable AccountId subject;
    final String clientAddress;
    final Instant startedAt;
    final ChallengeRun run;
    final Bucket frames;
    boolean recorded;
    boolean consumed;

    Session(LivenessSessionId id, byte[] nonce, LivenessPurpose purpose, @Nullable AccountId subject,
        String clientAddress, Instant startedAt, ChallengeRun run, Bucket frames) {
      this.id = id;
      this.nonce = nonce;
      this.purpose = purpose;
      this.subject = subject;
      this.clientAddress = clientAddress;
      this.startedAt = startedAt;
      this.run = run;
      this.frames = frames;
    }
  }

  private final FaceEngine faces;
  private final LivenessRules rules;
  private final LivenessSessionRepository records;
  private final ApplicationEventPublisher events;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final ImageDecoder decoder;
  private final FailedSessionLimit failures;
  private final SecureRandom random = new SecureRandom();
  private final Map<LivenessSessionId, Session> sessions = new ConcurrentHashMap<>();
  private final Cache<String, Bucket> starts = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
      .maximumSize(100_000).build();

  LivenessSessions(FaceEngine faces, LivenessRules rules, LivenessSessionRepository records,
      ApplicationEventPublisher events, TransactionOperations transactions, Clock clock) {
    this.faces = faces;
    this.rules = rules;
    this.records = records;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    // Frames are at most maxFrameSidePx on each side; the pixel limit refuses bigger ones before decoding.
    this.decoder = new ImageDecoder(ImageDecoder.Limits.defaults()
        .withMaxPixels((long) rules.maxFrameSidePx() * rules.maxFrameSidePx()).withMaxBytes(rules.maxFrameBytes()));
    this.failures = new FailedSessionLimit(rules.maxFailures(), rules.failureWindow(), rules.lockout());
  }

  /**
   * Starts a session with 2–3 random challenges (production) or the configured fixed list (tests).
   *
   * @param purpose       what it is for; whether the caller may start it is the caller's rule (the HTTP API lets
   *                      anonymous callers start only {@link LivenessPurpose#SIGN_IN})
   * @param subject       the account it is for, if known (the signed-in person, or the claimed one at sign-in)
   * @param clientAddress the caller's IP address, for the failure limit and the record
   * @throws LivenessLimitReached when the subject or address had too many failed sessions lately (30-minute
   *                              lockout by default), or starts sessions too fast
   */
  public LivenessChallenge start(LivenessPurpose purpose, @Nullable AccountId subject, String clientAddress) {
    Instant now = clock.instant();
    sweep(now);
    Duration wait = failures.waitFor("address:" + clientAddress, now);
    if (subject != null) {
      Duration subjectWait = failures.waitFor("subject:" + subject, now);
      wait = subjectWait.compareTo(wait) > 0 ? subjectWait : wait;
    }
    if (!wait.isZero()) {
      throw new LivenessLimitReached(LivenessLimitReached.Limit.FAILED_SESSIONS, wait);
    }
    take(starts.get(clientAddress, k -> bucket(rules.startsPerMinute(), Duration.ofMinutes(1))),
        LivenessLimitReached.Limit.SESSION_STARTS);
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    String nonceText = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    List<Challenge> challenges = drawChallenges();
    Instant expiresAt = now.plus(rules.sessionLifetime());
    var id = LivenessSessionId.random();
    sessions.put(id, new Session(id, nonceText.getBytes(StandardCharsets.US_ASCII), purpose, subject, clientAddress,
        now, new ChallengeRun(challenges, now, expiresAt, rules),
        bucket(rules.framesPerSecond(), Duration.ofSeconds(1))));
    return new LivenessChallenge(id, nonceText, purpose, challenges, expiresAt);
  }

  /**
   * Analyses one camera frame of a running session and answers where the session stands. Frames after the end are
   * not analysed; they get the final answer again.
   *
   * @param id    the session
   * @param nonce the nonce {@link #start} returned: proves the frame comes from the session's caller
   * @param jpeg  the frame, a JPEG (or PNG) at most {@code maxFrameSidePx} (640) pixels on each side
   * @throws LivenessSessionNotFound when the session is unknown
   * @throws LivenessSessionNotYours when the nonce is wrong
   * @throws LivenessFrameRejected   when the frame is too large
   * @throws LivenessLimitReached    when frames come faster than the session's frame rate limit
   * @throws ImageRejected when the bytes are not a picture
   */
  public LivenessFrameAnswer submitFrame(LivenessSessionId id, String nonce, byte[] jpeg) {
    Session session = bound(id, nonce);
    if (jpeg.length > rules.maxFrameBytes()) {
      throw new LivenessFrameRejected(rules.maxFrameBytes(), rules.maxFrameSidePx());
    }
    synchronized (session) {
      if (session.run.state() != State.RUNNING) {
        return answer(session, session.run.last());
      }
      take(session.frames, LivenessLimitReached.Limit.FRAMES);
      if (endIfExpired(session, clock.instant())) {
        return answer(session, session.run.last());
      }
      Image image = decodeFrame(jpeg);
      List<DetectedFace> found = faces.analyze(image, ATTRIBUTES);
      ChallengeRun.Step step = session.run.accept(observe(clock.instant(), image, found));
      if (step.state() != State.RUNNING) {
        finish(session);
      }
      return answer(session, step);
    }
  }

  /**
   * Where a session stands (also while it runs). For server-side callers: the outcome carries embeddings.
   *
   * @throws LivenessSessionNotFound when the session is unknown
   */
  public LivenessOutcome result(LivenessSessionId id) {
    Session session = known(id);
    synchronized (session) {
      endIfExpired(session, clock.instant());
      return outcome(session);
    }
  }

  /**
   * Where a session stands, for the caller that started it (the HTTP API's read).
   *
   * @throws LivenessSessionNotFound when the session is unknown
   * @throws LivenessSessionNotYours when the nonce is wrong
   */
  public LivenessFrameAnswer status(LivenessSessionId id, String nonce) {
    Session session = bound(id, nonce);
    synchronized (session) {
      endIfExpired(session, clock.instant());
      return answer(session, session.run.last());
    }
  }

  /**
   * Uses a passed session as proof, exactly once: the first call answers its outcome, every later call is refused.
   * The caller must make sure the id came from the client that ran the session (the HTTP API binds sessions to the
   * browser session or the nonce).
   *
   * @throws LivenessSessionNotFound  when the session is unknown
   * @throws LivenessSessionNotPassed when it has not passed (still running or failed) or was consumed before
   */
  public LivenessOutcome consume(LivenessSessionId id) {
    Session session = known(id);
    synchronized (session) {
      if (session.consumed || session.run.state() != State.PASSED) {
        throw new LivenessSessionNotPassed(id);
      }
      session.consumed = true;
      return outcome(session);
    }
  }

  /** The rules in force (for pages and tests). */
  public LivenessRules rules() {
    return rules;
  }

  private Session known(LivenessSessionId id) {
    Session session = sessions.get(id);
    if (session == null) {
      throw new LivenessSessionNotFound(id);
    }
    return session;
  }

  private Session bound(LivenessSessionId id, String nonce) {
    Session session = known(id);
    if (!MessageDigest.isEqual(session.nonce, nonce.getBytes(StandardCharsets.US_ASCII))) {
      throw new LivenessSessionNotYours();
    }
    return session;
  }

  private Image decodeFrame(byte[] jpeg) {
    try {
      Image image = decoder.decode(jpeg);
      if (Math.max(image.width(), image.height()) > rules.maxFrameSidePx()) {
        throw new LivenessFrameRejected(rules.maxFrameBytes(), rules.maxFrameSidePx());
      }
      return image;
    } catch (ImageRejected e) {
      if (e.reason() == ImageRejected.Reason.TOO_LARGE) {
        throw new LivenessFrameRejected(rules.maxFrameBytes(), rules.maxFrameSidePx());
      }
      throw e;
    }
  }

  private static FrameObservation observe(Instant at, Image image, List<DetectedFace> found) {
    if (found.isEmpty()) {
      return FrameObservation.none(at);
    }
    if (found.size() > 1) {
      return FrameObservation.several(at, found.size());
    }
    DetectedFace face = found.getFirst();
    FaceLandmarks landmarks = Objects.requireNonNull(face.landmarks());
    var pose = Objects.requireNonNull(face.pose());
    var eyes = Objects.requireNonNull(face.eyes());
    var liveness = Objects.requireNonNull(face.liveness());
    return FrameObservation.one(at, new FrameObservation.Face(pose.yawDegrees(), pose.pitchDegrees(),
        eyes.leftClosedProbability(), eyes.rightClosedProbability(),
        landmarks.leftEyeCentre().distanceTo(landmarks.rightEyeCentre()), image.width(), liveness.liveScore(),
        face.embedding()));
  }

  private List<Challenge> drawChallenges() {
    if (!rules.fixedChallenges().isEmpty()) {
      return rules.fixedChallenges();
    }
    var pool = new ArrayList<>(rules.challenges());
    Collections.shuffle(pool, random);
    int max = Math.min(rules.maxChallenges(), pool.size());
    int min = Math.min(rules.minChallenges(), max);
    int count = min + random.nextInt(max - min + 1);
    return List.copyOf(pool.subList(0, count));
  }

  /** Fails the session when its time is up, and records it; whether it just ended. Caller holds its monitor. */
  private boolean endIfExpired(Session session, Instant now) {
    if (session.run.expireIfDue(now)) {
      finish(session);
      return true;
    }
    return false;
  }

  /** Records an ended session once: the row and the event in one short transaction, the failure in the limit. */
  private void finish(Session session) {
    if (session.recorded) {
      return;
    }
    session.recorded = true;
    ChallengeRun run = session.run;
    Instant endedAt = run.endedAt() == null ? clock.instant() : run.endedAt();
    boolean passed = run.state() == State.PASSED;
    var ended = new LivenessSessionEnded(session.id, session.purpose, session.subject, passed, run.reasons(),
        run.passiveLivenessScore(), run.challenges(), run.challengesMet().size(), run.frames(), session.startedAt,
        endedAt);
    transactions.executeWithoutResult(tx -> {
      records.insert(ended, session.clientAddress, run.metAfter());
      events.publishEvent(ended);
    });
    if (!passed) {
      failures.recordFailure("address:" + session.clientAddress, endedAt);
      if (session.subject != null) {
        failures.recordFailure("subject:" + session.subject, endedAt);
      }
    }
  }

  /**
   * Fails expired sessions (those that stopped sending frames) and forgets sessions that ended more than the
   * retention ago. At most once per {@link #SWEEP_EVERY}, by one caller at a time: a session's lock is held while its
   * frame is analysed, so sweeping on every start would make starts wait behind inference.
   */
  private void sweep(Instant now) {
    Instant last = lastSweep.get();
    if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    for (Session session : sessions.values()) {
      synchronized (session) {
        endIfExpired(session, now);
        Instant ended = session.run.endedAt();
        if (ended != null && Duration.between(ended, now).compareTo(rules.retention()) > 0) {
          sessions.remove(session.id);
        }
      }
    }
  }

  private LivenessOutcome outcome(Session session) {
    ChallengeRun run = session.run;
    return new LivenessOutcome(session.id, session.purpose, session.subject, run.state() == State.PASSED,
        run.state() != State.RUNNING, run.reasons(), run.passiveLivenessScore(), run.challenges(),
        run.challengesMet(), run.probe(), run.consistentFace(), session.startedAt, run.endedAt());
  }

  private static LivenessFrameAnswer answer(Session session, ChallengeRun.Step step) {
    return new LivenessFrameAnswer(session.id, step.state(), step.challenge(), step.challengesMet(),
        session.run.challenges().size(), step.progress(), step.hint(), step.reasons(), step.distanceCm());
  }

  private static Bucket bucket(int perPeriod, Duration period) {
    return Bucket.builder().addLimit(l -> l.capacity(2L * perPeriod).refillGreedy(perPeriod, period)).build();
  }

  private static void take(Bucket bucket, LivenessLimitReached.Limit limit) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new LivenessLimitReached(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }
}
