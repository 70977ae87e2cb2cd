package sightline.biometrics.liveness;

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
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.biometrics.LivenessChallenge;
import sightline.biometrics.LivenessFrameAnswer;
import sightline.biometrics.LivenessFrameAnswer.State;
import sightline.biometrics.LivenessLimitReached;
import sightline.biometrics.LivenessOutcome;
import sightline.biometrics.LivenessPurpose;
import sightline.biometrics.LivenessSessionEnded;
import sightline.biometrics.LivenessSessionId;
import sightline.biometrics.LivenessSessionNotFound;
import sightline.biometrics.LivenessSessionNotPassed;
import sightline.biometrics.LivenessSessionNotYours;
import sightline.biometrics.LivenessSessions;
import sightline.identity.AccountId;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.system.RateLimitExceeded;
import sightline.system.RateLimits;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.liveness.FrameEvidence;

/**
 * The liveness sessions behind {@link LivenessSessions}, in this server's memory: each runs a {@link ChallengeRun}
 * over the server's own analysis of its frames; the failed-session limit, the frame budget and the sweep of
 * abandoned sessions live here.
 */
@Service
@EnableConfigurationProperties(LivenessRules.class)
class LivenessSessionsService implements LivenessSessions {

  private static final Set<FaceAttribute> ATTRIBUTES = EnumSet.of(FaceAttribute.LANDMARKS, FaceAttribute.EMBEDDING,
      FaceAttribute.POSE, FaceAttribute.EYES, FaceAttribute.LIVENESS, FaceAttribute.MINIFASNET, FaceAttribute.QUALITY);
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
  /** Sessions one client address may start, a named limit of {@code system.RateLimits} (20 per minute). */
  static final String START_LIMIT = "liveness-start";

  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  /** One session's state; guarded by its own monitor. */
  private static final class Session {
    final LivenessSessionId id;
    final byte[] nonce;
    final LivenessPurpose purpose;
    final @Nullable AccountId subject;
    /** Whom a sign-in claims to be, for the failure limit; never shown or recorded. */
    final @Nullable String claim;
    final String clientAddress;
    final Instant startedAt;
    final ChallengeRun run;
    final Bucket frames;
    /** A staff session of a site calibration: its failures measure the cameras, not an attacker. */
    final boolean calibration;
    boolean recorded;
    boolean consumed;
    LivenessFrameAnswer.Advice advice = LivenessFrameAnswer.Advice.NONE;

    Session(LivenessSessionId id, byte[] nonce, LivenessPurpose purpose, @Nullable AccountId subject,
        @Nullable String claim, String clientAddress, Instant startedAt, ChallengeRun run, Bucket frames,
        boolean calibration) {
      this.id = id;
      this.nonce = nonce;
      this.purpose = purpose;
      this.subject = subject;
      this.claim = claim;
      this.clientAddress = clientAddress;
      this.startedAt = startedAt;
      this.run = run;
      this.frames = frames;
      this.calibration = calibration;
    }
  }

  private final FaceEngine faces;
  private final LivenessRules rules;
  private final LivenessPolicies policies;
  private final LivenessSessionRepository records;
  private final ApplicationEventPublisher events;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final ImageInput images;
  private final FailureLimits failures;
  /** Two sessions refused by the passive models within 30 minutes, per subject (or address): time for advice. */
  private final FailedSessionLimit passiveFailures = new FailedSessionLimit(2, Duration.ofMinutes(30),
      Duration.ofMinutes(30));
  private final RateLimits rateLimits;
  private final SecureRandom random = new SecureRandom();
  private final Map<LivenessSessionId, Session> sessions = new ConcurrentHashMap<>();

  LivenessSessionsService(FaceEngine faces, ImageInput images, LivenessRules rules, LivenessPolicies policies,
      RateLimits rateLimits, LivenessSessionRepository records, ApplicationEventPublisher events,
      TransactionOperations transactions, Clock clock, FailureLimits failures) {
    this.faces = faces;
    this.policies = policies;
    this.rateLimits = rateLimits;
    this.images = images;
    this.rules = rules;
    this.records = records;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.failures = failures;
  }

  @Override
  public LivenessChallenge start(LivenessPurpose purpose, @Nullable AccountId subject, @Nullable String claim,
      String clientAddress) {
    return start(purpose, subject, claim, clientAddress, false);
  }

  /**
   * Starts a staff session of a site calibration ({@link LivenessCalibrations}): a SELF_TEST session whose failure
   * counts toward no failure limit, since staff calibrating a camera the models do not know yet would otherwise
   * lock themselves out and use up their address's ceiling (a whole school behind one).
   */
  LivenessChallenge startCalibration(AccountId staff, String clientAddress) {
    return start(LivenessPurpose.SELF_TEST, staff, null, clientAddress, true);
  }

  private LivenessChallenge start(LivenessPurpose purpose, @Nullable AccountId subject, @Nullable String claim,
      String clientAddress, boolean calibration) {
    Instant now = clock.instant();
    sweep(now);
    Duration wait = failures.waitFor(subject, claim, clientAddress, now);
    if (!wait.isZero()) {
      throw new LivenessLimitReached(LivenessLimitReached.Limit.FAILED_SESSIONS, wait);
    }
    try {
      rateLimits.consume(START_LIMIT, clientAddress);
    } catch (RateLimitExceeded tooFast) {
      // The liveness API answers all its limits alike (429 liveness-limit-reached, naming the limit).
      throw new LivenessLimitReached(LivenessLimitReached.Limit.SESSION_STARTS,
          Duration.ofSeconds(tooFast.retryAfterSeconds()));
    }
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    String nonceText = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    SitePolicy policy = policies.current();
    List<Challenge> challenges = drawChallenges(policy);
    Instant expiresAt = now.plus(rules.sessionLifetime());
    var id = LivenessSessionId.random();
    sessions.put(id, new Session(id, nonceText.getBytes(StandardCharsets.US_ASCII), purpose, subject, claim,
        clientAddress, now, new ChallengeRun(challenges, now, expiresAt, rules, policy),
        bucket(rules.framesPerSecond(), Duration.ofSeconds(1)), calibration));
    return new LivenessChallenge(id, nonceText, purpose, challenges, expiresAt);
  }

  @Override
  public LivenessFrameAnswer submitFrame(LivenessSessionId id, String nonce, byte[] jpeg) {
    Session session = bound(id, nonce);
    synchronized (session) {
      if (session.run.state() != State.RUNNING) {
        return answer(session, session.run.last());
      }
      take(session.frames, LivenessLimitReached.Limit.FRAMES);
      if (endIfExpired(session, clock.instant())) {
        return answer(session, session.run.last());
      }
      Image image = images.decode(jpeg, ImageUse.FRAME);
      List<DetectedFace> found = faces.analyze(image, ATTRIBUTES);
      ChallengeRun.Step step = session.run.accept(observe(clock.instant(), image, found, session.run.policy()));
      if (step.state() != State.RUNNING) {
        finish(session);
      }
      return answer(session, step);
    }
  }

  @Override
  public LivenessOutcome result(LivenessSessionId id) {
    Session session = known(id);
    synchronized (session) {
      endIfExpired(session, clock.instant());
      return outcome(session);
    }
  }

  @Override
  public LivenessFrameAnswer status(LivenessSessionId id, String nonce) {
    Session session = bound(id, nonce);
    synchronized (session) {
      endIfExpired(session, clock.instant());
      return answer(session, session.run.last());
    }
  }

  @Override
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
  LivenessRules rules() {
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

  private static FrameObservation observe(Instant at, Image image, List<DetectedFace> found, SitePolicy policy) {
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
    FrameEvidence evidence = policy.policy().judgeFrame(face, image.width(), image.height());
    return FrameObservation.one(at, new FrameObservation.Face(pose.yawDegrees(), pose.pitchDegrees(),
        eyes.leftClosedProbability(), eyes.rightClosedProbability(),
        landmarks.leftEyeCentre().distanceTo(landmarks.rightEyeCentre()), image.width(), evidence,
        face.embedding()));
  }

  /**
   * The configured fixed list (tests), else 2–3 drawn at random; when the policy requires the motion cue and a turn
   * is allowed, one of them is a turn, so that every session gives the cue a head movement to judge.
   */
  private List<Challenge> drawChallenges(SitePolicy policy) {
    if (!rules.fixedChallenges().isEmpty()) {
      return rules.fixedChallenges();
    }
    var pool = new ArrayList<>(rules.challenges());
    Collections.shuffle(pool, random);
    int max = Math.min(rules.maxChallenges(), pool.size());
    int min = Math.min(rules.minChallenges(), max);
    int count = min + random.nextInt(max - min + 1);
    var drawn = new ArrayList<>(pool.subList(0, count));
    var turns = pool.stream().filter(c -> c == Challenge.TURN_LEFT || c == Challenge.TURN_RIGHT).toList();
    if (policy.requireMotion() && !turns.isEmpty() && drawn.stream().noneMatch(turns::contains)) {
      drawn.set(random.nextInt(drawn.size()), turns.getFirst());
    }
    return List.copyOf(drawn);
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
        endedAt, run.policy().version());
    transactions.executeWithoutResult(tx -> {
      records.insert(ended, session.clientAddress, run.metAfter(), run.cues());
      events.publishEvent(ended);
    });
    if (session.calibration) {
      return;
    }
    if (!passed && run.reasons().contains(LivenessOutcome.Reason.PASSIVE_LIVENESS_TOO_LOW)) {
      String key = session.subject != null ? "subject:" + session.subject : "address:" + session.clientAddress;
      passiveFailures.recordFailure(key, endedAt);
      if (!passiveFailures.waitFor(key, endedAt).isZero()) {
        // Staff can confirm people they can see, never an anonymous sign-in from anywhere.
        session.advice = run.policy().manualFallback() && session.purpose != LivenessPurpose.SIGN_IN
            ? LivenessFrameAnswer.Advice.CONDITIONS_OR_STAFF : LivenessFrameAnswer.Advice.CONDITIONS;
      }
    }
    if (!passed) {
      failures.recordFailure(session.subject, session.claim, session.clientAddress, endedAt);
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
        session.run.challenges().size(), step.progress(), step.hint(), step.reasons(), step.distanceCm(),
        session.advice);
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
