package sightline.biometrics.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.TemplateCipher;
import sightline.identity.AccountId;

/**
 * The decision audit ({@code biometrics.face_decision}: scores, outcome, purpose, who, when) and the sealed frames
 * kept behind decisions while an administrator allows it ({@code audit_frame}). Statements run in the caller's
 * transaction.
 */
@Component
public class DecisionLog {

  private final JdbcClient jdbc;

  DecisionLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The associated data an audit frame is sealed with. */
  public static String frameOwner(UUID frame) {
    return "audit-frame:" + frame;
  }

  public void record(FaceDecision d, @Nullable Integer groupSize, @Nullable AccountId requestedBy) {
    jdbc.sql("""
            INSERT INTO biometrics.face_decision (id, decided_at, mode, purpose, outcome, claimed_account,
              matched_account, similarity, threshold, liveness_score, liveness_threshold, group_size, reasons,
              requested_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), timestamp(d.at()), d.mode().name(), d.purpose().name(), d.outcome().name(),
            value(d.claimed()), value(d.matched()), d.similarity(), d.threshold(), d.livenessScore(),
            d.livenessThreshold(), groupSize,
            d.reasons().stream().map(Enum::name).collect(Collectors.joining(",")), value(requestedBy))
        .update();
  }

  /** An audited decision with who asked. */
  public record Audited(FaceDecision decision, @Nullable AccountId requestedBy, @Nullable Integer groupSize,
      boolean frameKept) {
  }

  /** The latest decisions, newest first. */
  public List<Audited> recent(int limit) {
    return jdbc.sql("""
            SELECT d.*, (SELECT COUNT(*) FROM biometrics.audit_frame f WHERE f.decision_id = d.id) AS frames
            FROM biometrics.face_decision d ORDER BY d.decided_at DESC, d.id LIMIT ?""")
        .param(limit).query(DecisionLog::audited).list();
  }

  public Optional<Audited> find(UUID id) {
    return jdbc.sql("""
            SELECT d.*, (SELECT COUNT(*) FROM biometrics.audit_frame f WHERE f.decision_id = d.id) AS frames
            FROM biometrics.face_decision d WHERE d.id = ?""")
        .param(id).query(DecisionLog::audited).optional();
  }

  public void keepFrame(UUID frame, UUID decision, AccountId account, TemplateCipher.Sealed sealed, Instant at) {
    jdbc.sql("INSERT INTO biometrics.audit_frame (id, decision_id, account_id, key_id, sealed, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(frame, decision, account.value(), sealed.keyId(), sealed.bytes(), timestamp(at)).update();
  }

  /** A kept frame: its id (for the associated data) and sealed JPEG. */
  public record KeptFrame(UUID id, TemplateCipher.Sealed sealed) {
  }

  public Optional<KeptFrame> frameOf(UUID decision) {
    return jdbc.sql("SELECT id, key_id, sealed FROM biometrics.audit_frame WHERE decision_id = ?").param(decision)
        .query((rs, n) -> new KeptFrame(rs.getObject(1, UUID.class),
            new TemplateCipher.Sealed(rs.getString(2), rs.getBytes(3))))
        .optional();
  }

  public int deleteFrames(AccountId account) {
    return jdbc.sql("DELETE FROM biometrics.audit_frame WHERE account_id = ?").param(account.value()).update();
  }

  private static Audited audited(ResultSet rs, int row) throws SQLException {
    var reasons = Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isEmpty())
        .map(FaceDecision.Reason::valueOf).toList();
    var decision = new FaceDecision(rs.getObject("id", UUID.class),
        FaceDecision.Mode.valueOf(rs.getString("mode")), FaceDecision.Purpose.valueOf(rs.getString("purpose")),
        FaceDecision.Outcome.valueOf(rs.getString("outcome")), account(rs, "claimed_account"),
        account(rs, "matched_account"), rs.getObject("similarity", Double.class), rs.getDouble("threshold"),
        rs.getObject("liveness_score", Double.class), rs.getDouble("liveness_threshold"), reasons,
        rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    return new Audited(decision, account(rs, "requested_by"), rs.getObject("group_size", Integer.class),
        rs.getLong("frames") > 0);
  }

  private static @Nullable AccountId account(ResultSet rs, String column) throws SQLException {
    UUID id = rs.getObject(column, UUID.class);
    return id == null ? null : new AccountId(id);
  }

  private static @Nullable UUID value(@Nullable AccountId account) {
    return account == null ? null : account.value();
  }

  private static OffsetDateTime timestamp(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
