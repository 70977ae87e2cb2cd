package sightline.engagement.live;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.engagement.NotAnOnlineSession;
import sightline.engagement.NotInCourse;
import sightline.engagement.SessionNotOpen;
import sightline.engagement.access.EngagementAccess;
import sightline.engagement.live.LiveMessages.Identity;
import sightline.engagement.live.LiveMessages.Refusal;
import sightline.engagement.live.LiveMessages.Reply;
import sightline.identity.SignedInUser;

/**
 * Students' frames, SENT over STOMP to {@code /app/engagement/sessions/{id}/frames}: admitted (enrolled, session
 * online and open), handed to the {@link EngagementEngine}, answered on the student's own queue
 * {@code /user/queue/engagement} and published to the session's dashboard topic. The inbound thread only decodes
 * Base64 and queues.
 */
@Controller
class FramesController {

  static final String QUEUE = "/queue/engagement";

  private final LiveClasses live;
  private final EngagementEngine engine;
  private final SimpMessagingTemplate messaging;
  private final Clock clock;

  FramesController(LiveClasses live, EngagementEngine engine, SimpMessagingTemplate messaging, Clock clock) {
    this.live = live;
    this.engine = engine;
    this.messaging = messaging;
    this.clock = clock;
  }

  @MessageMapping("/engagement/sessions/{sessionId}/frames")
  void frame(@DestinationVariable String sessionId, LiveMessages.Frame frame, Principal principal) {
    Instant at = clock.instant();
    if (!(principal instanceof Authentication auth) || !(auth.getPrincipal() instanceof SignedInUser user)) {
      return;
    }
    ClassSessionId id;
    try {
      id = new ClassSessionId(UUID.fromString(sessionId));
    } catch (IllegalArgumentException e) {
      return;
    }
    LiveStudent student;
    try {
      student = live.student(id, user, principal.getName(), at);
    } catch (ClassSessionNotFound e) {
      refuse(principal, id, Refusal.SESSION_NOT_FOUND);
      return;
    } catch (NotInCourse e) {
      refuse(principal, id, Refusal.NOT_ENROLLED);
      return;
    } catch (NotAnOnlineSession e) {
      refuse(principal, id, Refusal.NOT_ONLINE);
      return;
    } catch (SessionNotOpen e) {
      refuse(principal, id, Refusal.NOT_OPEN);
      return;
    }
    byte[] jpeg;
    try {
      jpeg = Base64.getDecoder().decode(frame.jpeg());
    } catch (IllegalArgumentException | NullPointerException e) {
      reply(principal, id, student, null, engine.intervalMillis(), false, Refusal.BAD_FRAME);
      return;
    }
    engine.submit(id, student, jpeg, at, (who, result) -> {
      if (result.state() != null) {
        messaging.convertAndSend(EngagementAccess.topic(id), who.update(clock.instant()));
      }
      reply(principal, id, who, result.state(), result.intervalMillis(), result.dropped(),
          result.unreadable() ? Refusal.BAD_FRAME : null);
    });
  }

  private void reply(Principal principal, ClassSessionId id, LiveStudent student,
      sightline.engagement.@org.jspecify.annotations.Nullable EngagementState state, long interval, boolean dropped,
      @org.jspecify.annotations.Nullable Refusal refusal) {
    messaging.convertAndSendToUser(principal.getName(), QUEUE, new Reply(id.value(), state,
        student.percent(), student.identity(), interval, dropped, refusal));
  }

  private void refuse(Principal principal, ClassSessionId id, Refusal refusal) {
    messaging.convertAndSendToUser(principal.getName(), QUEUE, new Reply(id.value(), null, -1, Identity.UNCHECKED,
        engine.intervalMillis(), false, refusal));
  }
}
