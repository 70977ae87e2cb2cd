package sightline.attendance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import sightline.attendance.record.AttendanceRecords;
import sightline.courses.ClassSessionClosed;
import sightline.courses.ClassSessionView;
import sightline.courses.Courses;

/**
 * Absent for everyone unmarked once a session ends: right away when a teacher closes it, and by a sweep for sessions
 * that simply reach their end (courses does not announce those). The sweep looks back a week, so a server that was
 * down at a session's end still finalises it; {@link AttendanceRecords#markUnmarkedAbsent} runs once per session
 * across all servers.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AbsenceMarking {

  private static final Logger log = LoggerFactory.getLogger(AbsenceMarking.class);
  private static final Duration LOOK_BACK = Duration.ofDays(7);

  private final Courses courses;
  private final AttendanceRecords records;
  private final Clock clock;

  AbsenceMarking(Courses courses, AttendanceRecords records, Clock clock) {
    this.courses = courses;
    this.records = records;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ClassSessionClosed event) {
    records.markUnmarkedAbsent(event.session());
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${sightline.attendance.absence-sweep:PT1M}")
  void sweep() {
    Instant now = clock.instant();
    for (ClassSessionView session : courses.sessionsEndedBetween(now.minus(LOOK_BACK), now)) {
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
