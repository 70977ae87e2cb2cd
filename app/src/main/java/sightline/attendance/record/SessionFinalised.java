package sightline.attendance.record;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sightline.courses.ClassSessionId;

/**
 * A session whose unmarked students were marked absent. Inserting it is the claim: of several servers (or a close
 * and the sweep) that finalise one session at once, only the one whose insert wins does the work.
 */
@Entity
@Table(schema = "attendance", name = "session_finalised")
class SessionFinalised {

  @Id
  private UUID sessionId;
  private Instant at;

  protected SessionFinalised() {
    // for JPA
  }

  SessionFinalised(ClassSessionId session, Instant at) {
    this.sessionId = session.value();
    this.at = at;
  }
}
