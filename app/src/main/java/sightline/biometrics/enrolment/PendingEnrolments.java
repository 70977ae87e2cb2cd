package sightline.biometrics.enrolment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import sightline.identity.AccountId;
import sightline.vision.face.DetectedFace;

/**
 * Frames accepted in a camera enrolment that is not finished yet, in memory only (one server, like the rate limits):
 * an enrolment is stored in one transaction once it has all its frames, so an interrupted one leaves nothing
 * behind. Forgotten after {@link #TIMEOUT} without a new accepted frame.
 */
@Component
public class PendingEnrolments {

  /** An enrolment left alone this long starts again. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private record Pending(List<DetectedFace> accepted, Instant touched) {
  }

  private final Map<AccountId, Pending> pending = new ConcurrentHashMap<>();

  /** The frames accepted so far, oldest first; empty when none or timed out. */
  public List<DetectedFace> accepted(AccountId account, Instant now) {
    Pending p = pending.get(account);
    if (p == null || p.touched().plus(TIMEOUT).isBefore(now)) {
      pending.remove(account);
      return List.of();
    }
    return List.copyOf(p.accepted());
  }

  /** Adds an accepted frame and answers all accepted so far. */
  public List<DetectedFace> add(AccountId account, DetectedFace face, Instant now) {
    List<DetectedFace> list = new ArrayList<>(accepted(account, now));
    list.add(face);
    pending.put(account, new Pending(List.copyOf(list), now));
    return List.copyOf(list);
  }

  public void clear(AccountId account) {
    pending.remove(account);
  }
}
