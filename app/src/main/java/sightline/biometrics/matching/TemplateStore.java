package sightline.biometrics.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sightline.biometrics.EnrolmentSource;
import sightline.biometrics.TemplateCipher;
import sightline.identity.AccountId;

/**
 * The rows behind enrolment and matching: sealed templates and consent ({@code biometrics.face_template},
 * {@code face_consent}); the index loads from them, enrolment writes them.
 * Plain SQL: the rows are few and simple, and every statement here runs inside the caller's transaction.
 */
@Component
public class TemplateStore {

  private final JdbcClient jdbc;

  TemplateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The associated data a person's templates are sealed with. */
  public static String owner(AccountId account) {
    return "account:" + account.value();
  }

  /** A template as stored. */
  public record StoredTemplate(UUID id, AccountId account, TemplateCipher.Sealed sealed) {
  }

  /** A template to store: sealed already, with the quality figures that explain it. */
  public record NewTemplate(UUID id, TemplateCipher.Sealed sealed, EnrolmentSource source, double faceSizePx,
      double sharpness, @Nullable Double liveScore) {
  }

  /** Consent on record. */
  public record Consent(String version, Instant at, AccountId recordedBy) {
  }

  public List<StoredTemplate> all() {
    return jdbc.sql("SELECT id, account_id, key_id, sealed FROM biometrics.face_template")
        .query(TemplateStore::template).list();
  }

  public List<StoredTemplate> of(AccountId account) {
    return jdbc.sql("SELECT id, account_id, key_id, sealed FROM biometrics.face_template WHERE account_id = ?")
        .param(account.value()).query(TemplateStore::template).list();
  }

  /** Deletes the person's templates and stores {@code templates} instead. */
  public void replace(AccountId account, List<NewTemplate> templates, Instant at) {
    deleteTemplates(account);
    for (NewTemplate t : templates) {
      jdbc.sql("""
              INSERT INTO biometrics.face_template
                (id, account_id, key_id, sealed, source, face_size_px, sharpness, live_score, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(t.id(), account.value(), t.sealed().keyId(), t.sealed().bytes(), t.source().name(),
              t.faceSizePx(), t.sharpness(), t.liveScore(), timestamp(at))
          .update();
    }
  }

  public int deleteTemplates(AccountId account) {
    return jdbc.sql("DELETE FROM biometrics.face_template WHERE account_id = ?").param(account.value()).update();
  }

  public int count(AccountId account) {
    return jdbc.sql("SELECT COUNT(*) FROM biometrics.face_template WHERE account_id = ?").param(account.value())
        .query(Integer.class).single();
  }

  public Optional<Instant> enrolledAt(AccountId account) {
    return jdbc.sql("SELECT MAX(created_at) FROM biometrics.face_template WHERE account_id = ?")
        .param(account.value()).query((rs, n) -> instant(rs, 1)).optional();
  }

  public Optional<Consent> consent(AccountId account) {
    return jdbc.sql("SELECT consent_version, consented_at, recorded_by FROM biometrics.face_consent WHERE account_id = ?")
        .param(account.value())
        .query((rs, n) -> new Consent(rs.getString(1), instant(rs, 2),
            new AccountId(rs.getObject(3, UUID.class))))
        .optional();
  }

  public void saveConsent(AccountId account, String version, Instant at, AccountId recordedBy) {
    deleteConsent(account);
    jdbc.sql("INSERT INTO biometrics.face_consent (account_id, consent_version, consented_at, recorded_by) "
            + "VALUES (?, ?, ?, ?)")
        .params(account.value(), version, timestamp(at), recordedBy.value()).update();
  }

  public int deleteConsent(AccountId account) {
    return jdbc.sql("DELETE FROM biometrics.face_consent WHERE account_id = ?").param(account.value()).update();
  }

  private static StoredTemplate template(ResultSet rs, int row) throws SQLException {
    return new StoredTemplate(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class)),
        new TemplateCipher.Sealed(rs.getString(3), rs.getBytes(4)));
  }

  static OffsetDateTime timestamp(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
