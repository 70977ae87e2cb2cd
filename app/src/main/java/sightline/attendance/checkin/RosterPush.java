package sightline.attendance.checkin;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 *
 * <p>A plain listener that sends after commit through a transaction synchronization, not a
 * {@code @TransactionalEventListener}: Spring Modulith keeps a publication for every transactional listener and marks
 * it completed in a new transaction while the committing thread still holds its connection, which under 50
 * simultaneous check-ins exhausted the connection pool. Nothing here needs to survive a crash.
 */
@Component
class RosterPush {

  static final String TOPIC = "/topic/attendance/sessions/";

  private final SimpMessagingTemplate messaging;

  RosterPush(SimpMessagingTemplate messaging) {
    this.messaging = messaging;
  }

  @EventListener
  void on(CheckInRecorded event) {
    send(event.session(), "recorded");
  }

  @EventListener
  void on(CheckInCorrected event) {
    send(event.session(), "corrected");
  }

  @EventListener
  void on(CheckInAttempted event) {
    send(event.session(), "attempted");
  }

  @EventListener
  void on(ClassSessionOpened event) {
    send(event.session(), "opened");
  }

  @EventListener
  void on(ClassSessionClosed event) {
    send(event.session(), "closed");
  }

  private void send(ClassSessionId session, String what) {
    Runnable push = () -> messaging.convertAndSend(TOPIC + session.value(), (Object) Map.of("event", what));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          push.run();
        }
      });
    } else {
      push.run();
    }
  }
}
