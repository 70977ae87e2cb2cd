package sightline.attendance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sightline.attendance.record.AttendanceRecords;
import sightline.courses.ClassSessionClosed;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;

/**
 * Absent for everyone unmarked once a session ends: right away when a teacher closes it, and by a sweep for sessions
 * that simply reach their end (courses does not announce those). The sweep looks back a week, so a server that was
 * down at a session's end still finalises it; {@link AttendanceRecords#markUnmarkedAbsent} runs once per session
 * across all servers. The sweep runs on a thread of its own rather than through {@code @EnableScheduling}, whose
 * scheduler bean would take the place of the application's task executor.
 */
@Component
class AbsenceMarking implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AbsenceMarking.class);
  private static final Duration LOOK_BACK = Duration.ofDays(7);

  private final Courses courses;
  private final AttendanceRecords records;
  private final Clock clock;
  private final Duration every;
  private volatile @Nullable ScheduledExecutorService sweeper;

  AbsenceMarking(Courses courses, AttendanceRecords records, Clock clock,
      @Value("${sightline.attendance.absence-sweep:PT1M}") Duration every) {
    this.courses = courses;
    this.records = records;
    this.clock = clock;
    this.every = every;
  }

  @Override
  public void start() {
    sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("absence-sweep").daemon()
        .factory());
    sweeper.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = sweeper;
    if (running != null) {
      running.shutdownNow();
      sweeper = null;
    }
  }

  @Override
  public boolean isRunning() {
    return sweeper != null;
  }

  @ApplicationModuleListener
  void on(ClassSessionClosed event) {
    records.markUnmarkedAbsent(event.session());
  }

  void sweep() {
    Instant now = clock.instant();
    List<ClassSessionView> ended;
    try {
      ended = courses.sessionsEndedBetween(now.minus(LOOK_BACK), now);
    } catch (RuntimeException e) {
      log.warn("Could not list the sessions that ended", e);
      return;
    }
    for (ClassSessionView session : ended) {
      if (!records.isFinalised(session.id())) {
        try {
          int marked = records.markUnmarkedAbsent(session.id());
          log.debug("Session {} ended: {} unmarked students marked absent", session.id(), marked);
        } catch (RuntimeException e) {
          // One session's failure (deleted meanwhile, say) must not stop the others; the next sweep tries again.
          log.warn("Could not mark the unmarked students of session {} absent", session.id(), e);
        }
      }
    }
  }
}
