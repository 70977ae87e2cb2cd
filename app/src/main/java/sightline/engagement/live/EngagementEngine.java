package sightline.engagement.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceMatching;
import sightline.courses.ClassSessionId;
import sightline.engagement.EngagementState;
import sightline.engagement.live.LiveMessages.Identity;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.Image;
import sightline.vision.face.AttentionTracker;
import sightline.vision.face.EngagementAnalyzer;
import sightline.vision.face.EngagementFrame;
import sightline.vision.model.ModelStore;

/**
 * Analyses students' frames off the STOMP threads, on a fixed pool ({@code sightline.engagement.analysis-threads},
 * default one per core) behind a short queue ({@code sightline.engagement.queue}, default 100 frames, about half a
 * second of work on two cores). A frame that finds the queue full, or arrives while the same student's previous
 * frame is still waiting, is dropped and the student is asked to slow down ({@link FramePacing}); nothing queues
 * without bound. Frames are decoded, analysed and discarded in memory.
 *
 * <p>The engagement path runs detection, landmarks, pose and eyes (about 2.3 ms of CPU per frame amortised, plus
 * 2–3 ms to decode a 640x480 JPEG). Every {@code sightline.engagement.identity-check-every}-th frame with one face
 * (default 30, the first included) also computes the face's embedding (about 7 ms) and verifies it against the
 * student's enrolled face through {@link FaceMatching} (audited there); a student without an enrolment is shown as
 * not enrolled, never guessed.
 */
@Component
class EngagementEngine implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EngagementEngine.class);

  /** Called with the result of a frame: on the analysis thread, or on the caller's when it was dropped. */
  interface Done {
    void frame(LiveStudent student, EngagementFrameResult result);
  }

  /** A frame's result: its state (null when dropped or unreadable) and the interval to ask for. */
  record EngagementFrameResult(@Nullable EngagementState state, long intervalMillis, boolean dropped, boolean unreadable) {}

  private final EngagementAnalyzer analyzer;
  private final ImageInput images;
  private final FaceMatching matching;
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final FramePacing pacing;
  private final int identityCheckEvery;

  EngagementEngine(ModelStore models, ImageInput images, FaceMatching matching, Clock clock,
      @Value("${sightline.engagement.analysis-threads:0}") int threads,
      @Value("${sightline.engagement.queue:100}") int queue,
      @Value("${sightline.engagement.identity-check-every:30}") int identityCheckEvery,
      @Value("${sightline.engagement.frame-interval:1s}") Duration interval,
      @Value("${sightline.engagement.slowest-interval:5s}") Duration slowest) {
    if (queue < 1 || identityCheckEvery < 1) {
      throw new IllegalArgumentException("sightline.engagement.queue and identity-check-every must be at least 1");
    }
    this.analyzer = EngagementAnalyzer.load(models, EngagementAnalyzer.Options.defaults().withEmbeddings(true));
    this.images = images;
    this.matching = matching;
    this.clock = clock;
    int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    this.pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
        Thread.ofPlatform().name("engagement-", 0).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
    // A frame that waited a third of a second means the queue holds more than the pool keeps up with.
    this.pacing = new FramePacing(interval, slowest, Duration.ofMillis(300), Duration.ofMillis(50));
    this.identityCheckEvery = identityCheckEvery;
  }

  AttentionTracker newTracker() {
    return analyzer.newTracker();
  }

  long intervalMillis() {
    return pacing.intervalMillis();
  }

  /**
   * Queues a frame of {@code student} that arrived at {@code at}; {@code done} is called on the analysis thread, or
   * at once (on the caller's thread) when the frame is dropped.
   */
  void submit(ClassSessionId session, LiveStudent student, byte[] jpeg, Instant at, Done done) {
    if (!student.busy.compareAndSet(false, true)) {
      done.frame(student, new EngagementFrameResult(null, pacing.dropped(), true, false));
      return;
    }
    try {
      pool.execute(() -> {
        EngagementFrameResult result;
        try {
          result = analyse(student, jpeg, at);
        } catch (RuntimeException e) {
          log.warn("Engagement frame of session {} failed", session.value(), e);
          result = new EngagementFrameResult(null, pacing.intervalMillis(), false, true);
        } finally {
          // Before the answer goes out: the client sends its next frame as soon as it has the answer.
          student.busy.set(false);
        }
        done.frame(student, result);
      });
    } catch (RejectedExecutionException e) {
      student.busy.set(false);
      done.frame(student, new EngagementFrameResult(null, pacing.dropped(), true, false));
    }
  }

  private EngagementFrameResult analyse(LiveStudent student, byte[] jpeg, Instant at) {
    long interval = pacing.waited(Duration.between(at, clock.instant()));
    Image image;
    try {
      image = images.decode(jpeg, ImageUse.FRAME);
    } catch (RuntimeException e) {
      // Not a JPEG within the frame limits (ImageRejected, FrameTooLarge), or decode memory busy.
      return new EngagementFrameResult(null, interval, false, true);
    }
    EngagementFrame frame;
    boolean checkIdentity;
    synchronized (student) {
      Instant last = student.tracker.lastFrameAt();
      Instant capturedAt = last != null && at.isBefore(last) ? last : at;
      frame = analyzer.analyze(image, capturedAt, student.tracker);
      checkIdentity = student.record(capturedAt, state(frame), frame.faces(), identityCheckEvery);
    }
    if (checkIdentity && frame.face() != null) {
      student.identityChecked(at, identity(student, image, frame));
    }
    return new EngagementFrameResult(state(frame), interval, false, false);
  }

  private Identity identity(LiveStudent student, Image image, EngagementFrame frame) {
    var embedding = analyzer.embed(image, frame.face());
    // No liveness score: the spot check asks who is in view, not whether the camera is fooled.
    FaceDecision decision = matching.verify(student.id, embedding, 0, FaceDecision.Purpose.ENGAGEMENT, student.id);
    return switch (decision.outcome()) {
      case MATCH -> Identity.CONFIRMED;
      case NOT_ENROLLED -> Identity.NOT_ENROLLED;
      case NO_MATCH -> Identity.MISMATCH;
      default -> student.identity();
    };
  }

  static EngagementState state(EngagementFrame frame) {
    return switch (frame.state()) {
      case ATTENTIVE -> EngagementState.ATTENTIVE;
      case LOOKING_AWAY -> EngagementState.LOOKING_AWAY;
      case EYES_CLOSED -> EngagementState.EYES_CLOSED;
      case DROWSY -> EngagementState.DROWSY;
      case ABSENT -> EngagementState.ABSENT;
      case SOMEONE_ELSE -> EngagementState.SOMEONE_ELSE;
    };
  }

  @Override
  public void destroy() throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    analyzer.close();
  }
}
