package sightline.diagnosis.diagnose;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person confirmed having read the diagnosis disclaimer, so it is no longer put in front of every photo. */
@Entity
@Table(schema = "diagnosis", name = "disclaimer_seen")
class DisclaimerSeen {

  @Id
  private UUID accountId;
  private Instant seenAt;

  protected DisclaimerSeen() {
    // for JPA
  }

  DisclaimerSeen(UUID accountId, Instant seenAt) {
    this.accountId = accountId;
    this.seenAt = seenAt;
  }
}
