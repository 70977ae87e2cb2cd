package sightline.attendance.kiosk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sightline.biometrics.LivenessSessionId;
import sightline.courses.ClassSessionId;

/**
 * The liveness sessions kiosks started, each bound to its class session, so that a session started for one class
 * cannot check a student into another. In this server's memory (one server, as the liveness sessions themselves);
 * entries outlive a liveness session's 3-minute lifetime and are dropped once decided. Thread-safe.
 */
@Component
class KioskLivenessSessions {

  private final Cache<LivenessSessionId, ClassSessionId> started = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

  void remember(LivenessSessionId liveness, ClassSessionId session) {
    started.put(liveness, session);
  }

  /** The class session a kiosk started {@code liveness} for, if this server did. */
  Optional<ClassSessionId> classSessionOf(LivenessSessionId liveness) {
    return Optional.ofNullable(started.getIfPresent(liveness));
  }

  void forget(LivenessSessionId liveness) {
    started.invalidate(liveness);
  }
}
