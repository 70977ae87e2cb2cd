package sightline.system;

import org.springframework.security.core.Authentication;

/**
 * Who may subscribe to a module's server-push destinations. Each module that publishes to {@code /topic/<module>/…}
 * registers a bean; a subscription is allowed only when some bean {@link #covers} the destination and allows the
 * caller, so a destination nobody claims is closed to everyone.
 */
public interface TopicAccess {

  /** Whether this bean decides for {@code destination} (e.g. it starts with {@code /topic/attendance/}). */
  boolean covers(String destination);

  /** Whether the signed-in {@code user} may receive what is published to {@code destination}. */
  boolean maySubscribe(Authentication user, String destination);
}
