package sightline.biometrics.liveness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import sightline.identity.AccountId;
import sightline.vision.liveness.LivenessPolicy;
import sightline.vision.liveness.MotionRule;
import sightline.vision.liveness.PassiveLivenessRule;

/**
 * The site's liveness policy versions in {@code biometrics.liveness_policy}: the one in force (the highest version,
 * cached, since every session start reads it) and adopting a new one. Versions are only ever added, so the table is
 * the audit of every change. Thread-safe.
 */
@Service
public class LivenessPolicies {

  private static final String COLUMNS = "version, bias, fr_liveness_weight, minifasnet_v2_weight, "
      + "minifasnet_v1se_weight, threshold, threshold_with_motion, planar_below, rigid_above, min_frames, "
      + "require_passive, require_motion, manual_fallback, source, note, created_at, created_by";

  /**
   * What an administrator or a calibration proposes; the rest of the policy (fusion weights, quality limits, the
   * motion cue's other numbers) is carried over from the version in force.
   *
   * @param threshold           passive threshold in [0, 1]
   * @param thresholdWithMotion passive threshold when the motion showed a 3-D head, in [0, threshold]
   */
  public record Change(double threshold, double thresholdWithMotion, boolean requirePassive, boolean requireMotion,
      boolean manualFallback) {

    public Change {
      if (!(threshold >= 0 && threshold <= 1) || !(thresholdWithMotion >= 0 && thresholdWithMotion <= threshold)) {
        throw new IllegalArgumentException("thresholds must satisfy 0 <= with motion <= threshold <= 1");
      }
    }

    /** The change that keeps {@code current} as it is. */
    public static Change of(SitePolicy current) {
      return new Change(current.policy().passive().threshold(), current.policy().passive().thresholdWithMotion(),
          current.requirePassive(), current.requireMotion(), current.manualFallback());
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicReference<@Nullable SitePolicy> cached = new AtomicReference<>();

  LivenessPolicies(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The version in force. A read whose query began before an adopt committed may finish after it: the cache keeps
   * whichever policy has the higher version, so such a read cannot put the old version back.
   */
  public SitePolicy current() {
    SitePolicy policy = cached.get();
    if (policy == null) {
      SitePolicy read = jdbc.sql("SELECT " + COLUMNS + " FROM biometrics.liveness_policy ORDER BY version DESC "
          + "FETCH FIRST 1 ROWS ONLY").query(LivenessPolicies::row).single();
      policy = remember(read);
    }
    return policy;
  }

  /** Caches {@code policy} unless a higher version is cached already; returns what is cached. */
  private SitePolicy remember(SitePolicy policy) {
    SitePolicy kept = cached.accumulateAndGet(policy, (held, offered) ->
        held != null && held.version() >= offered.version() ? held : offered);
    return kept == null ? policy : kept;
  }

  /** Every version, newest first (the policy audit). */
  @Transactional(readOnly = true)
  public List<SitePolicy> history(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM biometrics.liveness_policy ORDER BY version DESC FETCH FIRST "
        + Math.max(1, limit) + " ROWS ONLY").query(LivenessPolicies::row).list();
  }

  /**
   * Adopts a new version built from the one in force with {@code change} applied; it governs every session started
   * from now on.
   */
  @Transactional
  public SitePolicy adopt(Change change, SitePolicy.Source source, String note, AccountId by) {
    lockChanges();
    SitePolicy base = jdbc.sql("SELECT " + COLUMNS + " FROM biometrics.liveness_policy ORDER BY version DESC "
        + "FETCH FIRST 1 ROWS ONLY").query(LivenessPolicies::row).single();
    LivenessPolicy policy = base.policy().withPassive(
        base.policy().passive().withThresholds(change.threshold(), change.thresholdWithMotion()));
    String trimmed = note.strip();
    var adopted = new SitePolicy(base.version() + 1, policy, change.requirePassive(), change.requireMotion(),
        change.manualFallback(), source, trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed,
        clock.instant(), by);
    PassiveLivenessRule p = policy.passive();
    jdbc.sql("INSERT INTO biometrics.liveness_policy (" + COLUMNS + ") VALUES (:version, :bias, :fr, :v2, :v1se, "
            + ":threshold, :withMotion, :planar, :rigid, :minFrames, :requirePassive, :requireMotion, :fallback, "
            + ":source, :note, :at, :by)")
        .param("version", adopted.version())
        .param("bias", p.bias())
        .param("fr", p.frLivenessWeight())
        .param("v2", p.miniFasNetV2Weight())
        .param("v1se", p.miniFasNetV1seWeight())
        .param("threshold", p.threshold())
        .param("withMotion", p.thresholdWithMotion())
        .param("planar", policy.motion().planarBelow())
        .param("rigid", policy.motion().rigidAbove())
        .param("minFrames", policy.minFrames())
        .param("requirePassive", adopted.requirePassive())
        .param("requireMotion", adopted.requireMotion())
        .param("fallback", adopted.manualFallback())
        .param("source", source.name())
        .param("note", adopted.note())
        .param("at", Timestamp.from(adopted.createdAt()))
        .param("by", by.value())
        .update();
    // Versions only grow and a concurrent adopt of the same number fails on the primary key, so once this one has
    // committed it is the version in force: cache it then (a reader cannot replace it with a lower one). Until the
    // commit, readers keep the version before, which is still the one in force.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          remember(adopted);
        }
      });
    } else {
      remember(adopted);
    }
    return adopted;
  }

  /**
   * Makes the calling transaction the only one changing the policy until it ends (a lock on the one settings row),
   * so two adopts never both build on the same version and collide on its number. A lock on the newest policy row
   * would not do: PostgreSQL hands the waiting transaction that same row again once the first one commits.
   */
  void lockChanges() {
    jdbc.sql("SELECT id FROM biometrics.settings WHERE id = 1 FOR UPDATE").query(Integer.class).single();
  }

  private static SitePolicy row(ResultSet rs, int n) throws SQLException {
    var defaults = LivenessPolicy.defaults();
    var passive = new PassiveLivenessRule(rs.getDouble("bias"), rs.getDouble("fr_liveness_weight"),
        rs.getDouble("minifasnet_v2_weight"), rs.getDouble("minifasnet_v1se_weight"), rs.getDouble("threshold"),
        rs.getDouble("threshold_with_motion"));
    MotionRule m = defaults.motion();
    var motion = new MotionRule(m.minDeformation(), m.minMovingFrames(), rs.getDouble("planar_below"),
        rs.getDouble("rigid_above"), m.contourWeight());
    var policy = defaults.withPassive(passive).withMotion(motion).withMinFrames(rs.getInt("min_frames"));
    UUID by = rs.getObject("created_by", UUID.class);
    return new SitePolicy(rs.getInt("version"), policy, rs.getBoolean("require_passive"),
        rs.getBoolean("require_motion"), rs.getBoolean("manual_fallback"),
        SitePolicy.Source.valueOf(rs.getString("source")), rs.getString("note"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), by == null ? null : new AccountId(by));
  }
}
