package sightline.engagement.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;
import sightline.engagement.NotAnOnlineSession;
import sightline.engagement.NotInCourse;
import sightline.engagement.SessionNotOpen;
import sightline.engagement.timeline.StudentTimeline;
import sightline.engagement.timeline.TimelineStore;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;
import sightline.vision.face.AttentionTracker;

/**
 * The students streaming frames to this server, by session, and the flusher that writes their timelines. Everything
 * here is cheap to rebuild: a student who reconnects to another server starts a new tracker (one detection) and
 * reads their totals back from the database; only the seconds not yet flushed (at most
 * {@code sightline.engagement.flush-every}, 5 s by default) are lost. Admission (enrolled, session online and open)
 * is checked on the first frame and again every 30 s.
 */
@Component
class LiveClasses implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveClasses.class);
  private static final Duration READMIT_EVERY = Duration.ofSeconds(30);
  /** A student who sent nothing for this long leaves memory (their timeline is already written). */
  private static final Duration FORGET_AFTER = Duration.ofMinutes(2);

  private final Courses courses;
  private final AccountDirectory directory;
  private final TimelineStore store;
  private final EngagementEngine engine;
  private final Clock clock;
  private final Duration flushEvery;
  private final Map<ClassSessionId, Map<AccountId, LiveStudent>> sessions = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService flusher;

  LiveClasses(Courses courses, AccountDirectory directory, TimelineStore store, EngagementEngine engine, Clock clock,
      @Value("${sightline.engagement.flush-every:5s}") Duration flushEvery) {
    this.courses = courses;
    this.directory = directory;
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.flushEvery = flushEvery;
  }

  /**
   * Checks that {@code student} may stream frames to the session now.
   *
   * @throws sightline.courses.ClassSessionNotFound when there is no such session
   * @throws NotAnOnlineSession                    when the session meets in a place
   * @throws NotInCourse                           when the student is not enrolled in its course
   * @throws SessionNotOpen                        when it is not open now
   */
  ClassSessionView admit(ClassSessionId id, AccountId student, Instant now) {
    ClassSessionView session = courses.session(id);
    if (!courses.isEnrolled(session.course(), student)) {
      throw new NotInCourse(id);
    }
    if (!session.isOnline()) {
      throw new NotAnOnlineSession(id);
    }
    if (!session.isOpenAt(now)) {
      throw new SessionNotOpen(id);
    }
    return session;
  }

  /** The live student for a frame, admitted now or less than 30 s ago. */
  LiveStudent student(ClassSessionId id, SignedInUser user, String principal, Instant now) {
    Map<AccountId, LiveStudent> students = sessions.get(id);
    LiveStudent known = students == null ? null : students.get(user.id());
    if (known != null && known.admittedAt(now)) {
      return known;
    }
    admit(id, user.id(), now);
    if (known != null) {
      known.admitUntil(now.plus(READMIT_EVERY));
      return known;
    }
    String name = directory.find(user.id()).map(AccountView::displayName).orElse(user.displayName());
    var timeline = new StudentTimeline(StudentTimeline.BUCKET, StudentTimeline.CAP, store.totals(id, user.id()));
    AttentionTracker tracker = engine.newTracker();
    return sessions.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).computeIfAbsent(user.id(),
        k -> new LiveStudent(user.id(), name, principal, tracker, timeline, now.plus(READMIT_EVERY)));
  }

  /** The dashboard lines of the students streaming to this session now, by name. */
  List<LiveMessages.StudentUpdate> snapshot(ClassSessionId id) {
    Instant now = clock.instant();
    return sessions.getOrDefault(id, Map.of()).values().stream().map(s -> s.update(now))
        .sorted(Comparator.comparing(LiveMessages.StudentUpdate::name)).toList();
  }

  /** Writes every student's unwritten time in one batch, and forgets students who stopped sending. */
  void flush() {
    Instant now = clock.instant();
    List<TimelineStore.Addition> batch = new ArrayList<>();
    sessions.forEach((id, students) -> {
      students.values().removeIf(student -> {
        boolean forget;
        synchronized (student) {
          student.timeline.closeIfIdle(now);
          student.timeline.drain().forEach(b -> batch.add(new TimelineStore.Addition(id, student.id, b)));
          Instant last = student.lastFrameAt();
          forget = last == null || now.isAfter(last.plus(FORGET_AFTER));
        }
        return forget && !student.busy.get();
      });
      sessions.computeIfPresent(id, (k, v) -> v.isEmpty() ? null : v);
    });
    try {
      store.add(batch);
    } catch (RuntimeException e) {
      // The lost seconds are a gap in the timeline; the next flush carries on.
      log.warn("Could not write {} engagement buckets: {}", batch.size(), e.toString());
    }
  }

  @Override
  public void start() {
    flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("engagement-flusher").daemon()
        .factory());
    flusher.scheduleWithFixedDelay(this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Engagement flush failed", e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = flusher;
    if (running != null) {
      running.shutdown();
      flusher = null;
      flushQuietly();
    }
  }

  @Override
  public boolean isRunning() {
    return flusher != null;
  }

  @Override
  public int getPhase() {
    // Stops before the data source and the message broker.
    return Integer.MAX_VALUE - 1000;
  }
}
