package sightline.biometrics;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.identity.AccountId;

/**
 * The biometric switches an administrator turns on and off, persisted in {@code biometrics.settings} (one row) so
 * that they survive restarts. Both are off on a new installation. Read from the database on every call (one
 * primary-key row), so a change is seen at once everywhere. Thread-safe.
 */
@Service
public class BiometricSettings {

  /**
   * The settings as they are.
   *
   * @param storeAuditFrames when on, the picture behind each decision about a person is kept, sealed with the
   *                         template key, until that person's biometric data is deleted
   * @param faceOnlySignIn   when on, people may sign in with their face alone (1:N), without typing an e-mail first
   * @param adminFaceSecondFactor when on (the default), administrators give their second factor (TOTP) after a face
   *                         sign-in, and set one up first when they have none: a face proves a live person, not a
   *                         secret
   * @param updatedAt        last change; null when never changed
   * @param updatedBy        the administrator who changed them last; null when never changed
   */
  public record Values(boolean storeAuditFrames, boolean faceOnlySignIn, boolean adminFaceSecondFactor,
      @Nullable Instant updatedAt,
      @Nullable AccountId updatedBy) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  BiometricSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Values current() {
    return jdbc.sql("SELECT store_audit_frames, face_only_sign_in, updated_at, updated_by, admin_face_second_factor "
            + "FROM biometrics.settings WHERE id = 1")
        .query((rs, n) -> {
          OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
          UUID by = rs.getObject(4, UUID.class);
          return new Values(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(5), at == null ? null : at.toInstant(),
              by == null ? null : new AccountId(by));
        })
        .single();
  }

  /** Whether frames behind decisions are kept for audit (off by default). */
  public boolean storeAuditFrames() {
    return current().storeAuditFrames();
  }

  /** Whether face-only (1:N) sign-in is allowed (off by default). */
  public boolean faceOnlySignIn() {
    return current().faceOnlySignIn();
  }

  /** Whether administrators give their second factor after a face sign-in (on by default). */
  public boolean adminFaceSecondFactor() {
    return current().adminFaceSecondFactor();
  }

  /** Sets the two older switches and keeps the administrators' second factor after a face sign-in as it is. */
  @Transactional
  public Values change(boolean storeAuditFrames, boolean faceOnlySignIn, AccountId admin) {
    return change(storeAuditFrames, faceOnlySignIn, adminFaceSecondFactor(), admin);
  }

  /**
   * Sets the switches; {@code admin} is recorded as the one who changed them. Switching audit pictures off deletes
   * every picture kept so far, in the same transaction: "off" means none are stored.
   */
  @Transactional
  public Values change(boolean storeAuditFrames, boolean faceOnlySignIn, boolean adminFaceSecondFactor,
      AccountId admin) {
    if (!storeAuditFrames) {
      jdbc.sql("DELETE FROM biometrics.audit_frame").update();
    }
    jdbc.sql("UPDATE biometrics.settings SET store_audit_frames = ?, face_only_sign_in = ?, "
            + "admin_face_second_factor = ?, updated_at = ?, updated_by = ? WHERE id = 1")
        .params(storeAuditFrames, faceOnlySignIn, adminFaceSecondFactor, clock.instant().atOffset(ZoneOffset.UTC),
            admin.value())
        .update();
    return current();
  }
}
