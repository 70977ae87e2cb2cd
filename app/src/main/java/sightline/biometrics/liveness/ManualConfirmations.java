package sightline.biometrics.liveness;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountId;

/**
 * The fallback for people the passive models keep refusing: a teacher or administrator who sees the person confirms
 * them, recorded as such in {@code biometrics.liveness_manual_confirmation} (never as a passed liveness session), with
 * the policy version that allowed it. Thread-safe.
 */
@Service
public class ManualConfirmations {

  /** One confirmation, for the audit. */
  public record Confirmation(UUID id, AccountId subject, AccountId confirmedBy, int policyVersion, String note,
      Instant confirmedAt) {}

  private final JdbcClient jdbc;
  private final LivenessPolicies policies;
  private final Clock clock;

  ManualConfirmations(JdbcClient jdbc, LivenessPolicies policies, Clock clock) {
    this.jdbc = jdbc;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * Records that {@code staff} confirmed {@code subject} in person.
   *
   * @throws ManualConfirmationNotAllowed when the policy in force does not allow the fallback
   */
  @Transactional
  public Confirmation confirm(AccountId subject, AccountId staff, String note) {
    SitePolicy policy = policies.current();
    if (!policy.manualFallback()) throw new ManualConfirmationNotAllowed(policy.version());
    String text = note.strip();
    var confirmation = new Confirmation(UUID.randomUUID(), subject, staff, policy.version(),
        text.length() > 400 ? text.substring(0, 400) : text, clock.instant());
    jdbc.sql("INSERT INTO biometrics.liveness_manual_confirmation (id, subject_id, confirmed_by, policy_version, note, "
            + "confirmed_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(confirmation.id(), subject.value(), staff.value(), confirmation.policyVersion(), confirmation.note(),
            Timestamp.from(confirmation.confirmedAt()))
        .update();
    return confirmation;
  }

  /** The latest confirmations, newest first. */
  @Transactional(readOnly = true)
  public List<Confirmation> recent(int limit) {
    return jdbc.sql("SELECT id, subject_id, confirmed_by, policy_version, note, confirmed_at "
            + "FROM biometrics.liveness_manual_confirmation ORDER BY confirmed_at DESC FETCH FIRST "
            + Math.max(1, limit) + " ROWS ONLY")
        .query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class)),
            new AccountId(rs.getObject(3, UUID.class)), rs.getInt(4), rs.getString(5),
            rs.getObject(6, OffsetDateTime.class).toInstant()))
        .list();
  }
}
