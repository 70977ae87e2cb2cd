package sightline.attendance.checkin;

import java.util.Map;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import sightline.attendance.CheckInAttempted;
import sightline.attendance.CheckInCorrected;
import sightline.attendance.CheckInRecorded;
import sightline.courses.ClassSessionClosed;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionOpened;

/**
 * Tells the open roster pages of a session that something changed, over STOMP ({@value #TOPIC}{@code <session>}),
 * once the change has committed. The message names what happened and carries no personal data; each page then
 * fetches its roster and attempt log again over HTTP, in its reader's language and under the same access rule as
 * the page (rendering per subscriber here would need each one's locale). A lost message costs only freshness: the
 * next one, or a reload, brings everything.
 */
@Component
class RosterPush {

  static final String TOPIC = "/topic/attendance/sessions/";

  private final SimpMessagingTemplate messaging;

  RosterPush(SimpMessagingTemplate messaging) {
    this.messaging = messaging;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(CheckInRecorded event) {
    send(event.session(), "recorded");
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(CheckInCorrected event) {
    send(event.session(), "corrected");
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(CheckInAttempted event) {
    send(event.session(), "attempted");
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(ClassSessionOpened event) {
    send(event.session(), "opened");
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(ClassSessionClosed event) {
    send(event.session(), "closed");
  }

  private void send(ClassSessionId session, String what) {
    messaging.convertAndSend(TOPIC + session.value(), (Object) Map.of("event", what));
  }
}
