package sightline.attendance.checkin;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A session whose teacher turned the QR code on: check-in needs the code on show as a further factor. */
@Entity
@Table(schema = "attendance", name = "qr_session")
class QrSession {

  @Id
  private UUID sessionId;
  private Instant since;

  protected QrSession() {
    // for JPA
  }

  QrSession(UUID sessionId, Instant since) {
    this.sessionId = sessionId;
    this.since = since;
  }
}
