package sightline.biometrics.liveness;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sightline.biometrics.Challenge;
import sightline.biometrics.LivenessSessionEnded;

/**
 * The record of every ended liveness session ({@code biometrics.liveness_session} and its challenges): purpose,
 * subject, client address, outcome, reasons, scores and when each challenge was met. Never images or embeddings.
 * Written once per session, never updated.
 */
@Repository
public class LivenessSessionRepository {

  private final JdbcClient jdbc;

  LivenessSessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the session and its challenges; {@code metAfter} holds the met challenges' times from the start. */
  public void insert(LivenessSessionEnded ended, String clientAddress, List<Duration> metAfter,
      @Nullable SessionCues cues) {
    jdbc.sql("""
        INSERT INTO biometrics.liveness_session (id, purpose, subject_id, client_address, outcome, reasons,
            passive_liveness_score, frames, started_at, ended_at, policy_version, fr_liveness_score, minifasnet_score,
            passive_threshold, usable_frames, motion, motion_segments, non_planarity, non_rigidity, quality_problems)
        VALUES (:id, :purpose, :subject, :address, :outcome, :reasons, :score, :frames, :started, :ended, :policy,
            :fr, :miniFasNet, :threshold, :usable, :motion, :segments, :nonPlanarity, :nonRigidity, :quality)""")
        .param("id", ended.session().value())
        .param("purpose", ended.purpose().name())
        .param("subject", ended.subject() == null ? null : ended.subject().value())
        .param("address", clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress)
        .param("outcome", ended.passed() ? "PASSED" : "FAILED")
        .param("reasons", ended.reasons().stream().map(Enum::name).collect(Collectors.joining(",")))
        .param("score", Math.clamp(ended.passiveLivenessScore(), 0, 1))
        .param("frames", ended.frames())
        .param("started", Timestamp.from(ended.startedAt()))
        .param("ended", Timestamp.from(ended.endedAt()))
        .param("policy", ended.policyVersion())
        .param("fr", cues == null ? null : cues.frLiveness())
        .param("miniFasNet", cues == null ? null : cues.miniFasNet())
        .param("threshold", cues == null ? null : cues.threshold())
        .param("usable", cues == null ? null : cues.usableFrames())
        .param("motion", cues == null ? null : cues.motion().verdict().name())
        .param("segments", cues == null ? null : cues.segmentsText())
        .param("nonPlanarity", cues == null ? null : finiteOrNull(cues.motion().nonPlanarity()))
        .param("nonRigidity", cues == null ? null : finiteOrNull(cues.motion().nonRigidity()))
        .param("quality", cues == null ? null
            : cues.qualityProblems().stream().map(Enum::name).collect(Collectors.joining(",")))
        .update();
    List<Challenge> challenges = ended.challenges();
    for (int i = 0; i < challenges.size(); i++) {
      jdbc.sql("""
          INSERT INTO biometrics.liveness_session_challenge (session_id, position, challenge, met_after_ms)
          VALUES (:id, :position, :challenge, :metAfter)""")
          .param("id", ended.session().value())
          .param("position", i)
          .param("challenge", challenges.get(i).name())
          .param("metAfter", i < metAfter.size() ? metAfter.get(i).toMillis() : null)
          .update();
    }
  }

  private static @Nullable Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
