package sightline.biometrics.liveness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sightline.biometrics.LivenessChallenge;
import sightline.identity.AccountId;
import sightline.vision.liveness.LivenessCalibration;

/**
 * Site calibrations: staff run liveness sessions on the site's own cameras (the administrators' liveness page), the
 * page shows the distribution of their fused passive scores and proposes the passive threshold at which at most the
 * target share of them would have been refused ({@link LivenessCalibration#thresholdForBpcer}); accepting adopts it as
 * a new policy version (source CALIBRATION), which is the audit. When an attack set's scores are configured
 * ({@code sightline.biometrics.liveness.attack-scores}: a CSV of {@code attack_type,score} lines that
 * {@code ./sightline eval liveness --attack-scores FILE} writes from the public attack sets), the summary also gives
 * APCER per attack type at the threshold in force and at the proposal. Thread-safe.
 */
@Service
public class LivenessCalibrations {

  /** Fewest decided sessions before a threshold is proposed: below this one session is a third of the data. */
  public static final int MIN_SESSIONS = 3;

  /** A calibration: when, by whom, and the policy version it became (null until accepted). */
  public record Calibration(UUID id, Instant startedAt, AccountId startedBy, @Nullable Integer acceptedVersion) {}

  /**
   * One staff session of a calibration, once it ended and the policy judged it.
   *
   * @param score   median fused passive score, in [0, 1]
   * @param passed  whether the session passed under the policy version it ran with
   * @param reasons why not, as stored (comma-separated)
   * @param motion  the motion cue's verdict over the session
   */
  public record StaffSession(UUID id, double score, boolean passed, String reasons, String motion) {}

  /**
   * One attack type of the configured attack set.
   *
   * @param sessions         attack sessions of this type
   * @param acceptedNow      of them, those whose score reaches the threshold in force
   * @param acceptedProposed those whose score reaches the proposed threshold (0 without a proposal)
   */
  public record AttackFigure(String attackType, int sessions, int acceptedNow, int acceptedProposed) {}

  /**
   * What the page shows.
   *
   * @param sessions         the decided sessions, oldest first
   * @param histogram        counts of session scores in ten bins of 0.1, [0, 0.1) first
   * @param targetBpcer      the share of staff sessions the proposal may refuse, in [0, 1)
   * @param proposed         the proposed passive threshold; null with fewer than {@link #MIN_SESSIONS} sessions
   * @param refusedNow       staff sessions the threshold in force would refuse by their score
   * @param refusedProposed  staff sessions the proposed threshold would refuse by their score (0 without a proposal)
   * @param current          the policy in force
   * @param attacks          APCER figures per attack type of the configured attack set; empty without one
   */
  public record Summary(Calibration calibration, List<StaffSession> sessions, int[] histogram, double targetBpcer,
      @Nullable Double proposed, int refusedNow, int refusedProposed, SitePolicy current,
      List<AttackFigure> attacks) {

    /** The histogram bin's share of the largest bin, for drawing bars, in [0, 1]. */
    public double barShare(int bin) {
      int max = 1;
      for (int count : histogram) max = Math.max(max, count);
      return (double) histogram[bin] / max;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(LivenessCalibrations.class);

  private final JdbcClient jdbc;
  private final LivenessSessionsService sessions;
  private final LivenessPolicies policies;
  private final Clock clock;
  private final @Nullable Path attackScores;

  LivenessCalibrations(JdbcClient jdbc, LivenessSessionsService sessions, LivenessPolicies policies, Clock clock,
      @Value("${sightline.biometrics.liveness.attack-scores:}") String attackScores) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.policies = policies;
    this.clock = clock;
    this.attackScores = attackScores.isBlank() ? null : Path.of(attackScores);
  }

  /** Starts a calibration. */
  @Transactional
  public Calibration start(AccountId admin) {
    var calibration = new Calibration(UUID.randomUUID(), clock.instant(), admin, null);
    jdbc.sql("INSERT INTO biometrics.liveness_calibration (id, started_at, started_by) VALUES (?, ?, ?)")
        .params(calibration.id(), Timestamp.from(calibration.startedAt()), admin.value()).update();
    return calibration;
  }

  /** The latest calibration, accepted or not; the others are set aside. */
  @Transactional(readOnly = true)
  public Optional<Calibration> latest() {
    return jdbc.sql("SELECT id, started_at, started_by, accepted_version FROM biometrics.liveness_calibration "
            + "ORDER BY started_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
        .query((rs, n) -> new Calibration(rs.getObject(1, UUID.class),
            rs.getObject(2, OffsetDateTime.class).toInstant(), new AccountId(rs.getObject(3, UUID.class)),
            (Integer) rs.getObject(4)))
        .optional();
  }

  /**
   * Starts one staff liveness session of an open calibration, on the signed-in staff member's camera.
   *
   * @throws CalibrationClosed when the calibration is unknown, was accepted already or was set aside
   */
  public LivenessChallenge startSession(UUID calibration, AccountId staff, String clientAddress) {
    open(calibration);
    LivenessChallenge started = sessions.startCalibration(staff, clientAddress);
    jdbc.sql("INSERT INTO biometrics.liveness_calibration_session (calibration_id, session_id) VALUES (?, ?)")
        .params(calibration, started.id().value()).update();
    return started;
  }

  /** The calibration's sessions, score distribution and proposal for {@code targetBpcer} (e.g. 0.05). */
  @Transactional(readOnly = true)
  public Summary summary(UUID calibration, double targetBpcer) {
    Calibration found = find(calibration).orElseThrow(() -> new CalibrationClosed(calibration));
    // Only sessions the policy judged (every challenge met): a session that timed out has no score to calibrate on.
    List<StaffSession> staff = jdbc.sql("""
            SELECT s.id, s.passive_liveness_score, s.outcome, s.reasons, s.motion
            FROM biometrics.liveness_calibration_session c JOIN biometrics.liveness_session s ON s.id = c.session_id
            WHERE c.calibration_id = ? AND s.passive_threshold IS NOT NULL ORDER BY s.ended_at""")
        .param(calibration)
        .query((rs, n) -> new StaffSession(rs.getObject(1, UUID.class), rs.getDouble(2),
            "PASSED".equals(rs.getString(3)), rs.getString(4), rs.getString(5)))
        .list();
    double[] scores = staff.stream().mapToDouble(StaffSession::score).toArray();
    int[] histogram = new int[10];
    for (double score : scores) histogram[Math.min(9, (int) Math.floor(score * 10))]++;
    SitePolicy current = policies.current();
    Double proposed = scores.length < MIN_SESSIONS ? null
        : LivenessCalibration.thresholdForBpcer(scores, targetBpcer);
    int refusedNow = (int) Math.round(LivenessCalibration.shareBelow(scores, current.threshold()) * scores.length);
    int refusedProposed = proposed == null ? 0
        : (int) Math.round(LivenessCalibration.shareBelow(scores, proposed) * scores.length);
    return new Summary(found, staff, histogram, targetBpcer, proposed, refusedNow, refusedProposed, current,
        attackFigures(current.threshold(), proposed));
  }

  /** The configured attack set at both thresholds; read on each call (a few hundred lines), empty without one. */
  private List<AttackFigure> attackFigures(double now, @Nullable Double proposed) {
    if (attackScores == null) return List.of();
    List<String> lines;
    try {
      lines = Files.readAllLines(attackScores);
    } catch (IOException e) {
      log.warn("cannot read the liveness attack scores {}: {}", attackScores, e.toString());
      return List.of();
    }
    var byType = new TreeMap<String, List<Double>>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length != 2 || cells[0].isBlank()) continue;
      double score;
      try {
        score = cells[1].isBlank() ? Double.NaN : Double.parseDouble(cells[1]);
      } catch (NumberFormatException e) {
        continue;
      }
      byType.computeIfAbsent(cells[0].strip(), k -> new ArrayList<>()).add(score);
    }
    var figures = new ArrayList<AttackFigure>();
    byType.forEach((type, scores) -> figures.add(new AttackFigure(type, scores.size(), accepted(scores, now),
        proposed == null ? 0 : accepted(scores, proposed))));
    return figures;
  }

  private static int accepted(List<Double> scores, double threshold) {
    return (int) scores.stream().filter(s -> !Double.isNaN(s) && s >= threshold).count();
  }

  /**
   * Accepts the calibration's proposal for {@code targetBpcer}: a new policy version with that passive threshold
   * (the threshold with 3-D motion is kept at or below it), the rest as in force. Audited as the version's row.
   *
   * @throws CalibrationClosed when the calibration is unknown, accepted already, set aside by a newer one, or has too
   *                           few sessions
   */
  @Transactional
  public SitePolicy accept(UUID calibration, double targetBpcer, AccountId admin) {
    // One accept (or other policy change) at a time: a second accept of the same calibration then finds it accepted
    // instead of adopting the same version number again.
    policies.lockChanges();
    open(calibration);
    Summary summary = summary(calibration, targetBpcer);
    if (summary.proposed() == null) throw new CalibrationClosed(calibration);
    double threshold = summary.proposed();
    SitePolicy current = summary.current();
    var change = LivenessPolicies.Change.of(current);
    String note = String.format(Locale.ROOT, "Calibration %s: %d staff sessions on this site's cameras, target "
            + "false rejections %.0f%%; passive threshold %.3f (was %.3f); staff sessions refused by score %d (was %d).",
        calibration, summary.sessions().size(), 100 * targetBpcer, threshold, current.threshold(),
        summary.refusedProposed(), summary.refusedNow());
    SitePolicy adopted;
    try {
      adopted = policies.adopt(new LivenessPolicies.Change(threshold,
          Math.min(threshold, change.thresholdWithMotion()), change.requirePassive(), change.requireMotion(),
          change.manualFallback()), SitePolicy.Source.CALIBRATION, note, admin);
    } catch (DuplicateKeyException concurrent) {
      throw new CalibrationClosed(calibration); // another change took this version number: the page is out of date
    }
    int accepted = jdbc.sql("UPDATE biometrics.liveness_calibration SET accepted_version = ? "
            + "WHERE id = ? AND accepted_version IS NULL")
        .params(adopted.version(), calibration).update();
    if (accepted != 1) throw new CalibrationClosed(calibration); // rolls the adopted version back
    return adopted;
  }

  private Optional<Calibration> find(UUID calibration) {
    return jdbc.sql("SELECT id, started_at, started_by, accepted_version FROM biometrics.liveness_calibration "
            + "WHERE id = ?")
        .param(calibration)
        .query((rs, n) -> new Calibration(rs.getObject(1, UUID.class),
            rs.getObject(2, OffsetDateTime.class).toInstant(), new AccountId(rs.getObject(3, UUID.class)),
            (Integer) rs.getObject(4)))
        .optional();
  }

  /** Open: known, not accepted, and the latest (starting a new calibration sets the open one aside). */
  private void open(UUID calibration) {
    Calibration found = find(calibration).orElseThrow(() -> new CalibrationClosed(calibration));
    if (found.acceptedVersion() != null || !latest().map(Calibration::id).orElseThrow().equals(calibration)) {
      throw new CalibrationClosed(calibration);
    }
  }
}
