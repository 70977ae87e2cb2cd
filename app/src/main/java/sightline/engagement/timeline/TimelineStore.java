package sightline.engagement.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import sightline.courses.ClassSessionId;
import sightline.engagement.EngagementState;
import sightline.identity.AccountId;

/**
 * The stored timelines. Buckets are written by adding to them ({@code UPDATE … SET x = x + ?}, inserting the ones
 * that are not there yet), so that what a server held in memory and lost in a restart is the only loss, and a
 * student's buckets written by two servers would add up. Written in batches by the flusher, one transaction per
 * batch, never one per frame.
 */
@Repository
public class TimelineStore {

  private static final String COLUMNS = "attentive_ms, looking_away_ms, eyes_closed_ms, drowsy_ms, absent_ms, "
      + "someone_else_ms, identity_checks, identity_mismatches";

  /** One bucket to add to a student's stored timeline. */
  public record Addition(ClassSessionId session, AccountId student, BucketTimes bucket) {}

  private final JdbcTemplate jdbc;

  TimelineStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the buckets' times to the stored ones, in one transaction. */
  @Transactional
  public void add(List<Addition> additions) {
    if (additions.isEmpty()) {
      return;
    }
    int[] updated = jdbc.batchUpdate("""
            UPDATE engagement.timeline_bucket SET attentive_ms = attentive_ms + ?,
              looking_away_ms = looking_away_ms + ?, eyes_closed_ms = eyes_closed_ms + ?, drowsy_ms = drowsy_ms + ?,
              absent_ms = absent_ms + ?, someone_else_ms = someone_else_ms + ?, identity_checks = identity_checks + ?,
              identity_mismatches = identity_mismatches + ?
            WHERE session_id = ? AND student_id = ? AND bucket_start = ?""",
        additions.stream().map(a -> values(a)).toList());
    List<Object[]> missing = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        missing.add(values(additions.get(i)));
      }
    }
    if (!missing.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO engagement.timeline_bucket (" + COLUMNS + ", session_id, student_id, "
          + "bucket_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", missing);
    }
  }

  /** Every student's buckets in the session, by student then time. */
  public Map<AccountId, List<BucketTimes>> timelines(ClassSessionId session) {
    Map<AccountId, List<BucketTimes>> out = new LinkedHashMap<>();
    jdbc.query("SELECT student_id, bucket_start, " + COLUMNS + " FROM engagement.timeline_bucket "
            + "WHERE session_id = ? ORDER BY student_id, bucket_start",
        rs -> {
          out.computeIfAbsent(new AccountId(rs.getObject("student_id", UUID.class)), s -> new ArrayList<>())
              .add(bucket(rs));
        }, session.value());
    return out;
  }

  /** One student's buckets in the session, by time. */
  public List<BucketTimes> timeline(ClassSessionId session, AccountId student) {
    return jdbc.query("SELECT bucket_start, " + COLUMNS + " FROM engagement.timeline_bucket "
            + "WHERE session_id = ? AND student_id = ? ORDER BY bucket_start",
        (rs, n) -> bucket(rs), session.value(), student.value());
  }

  /** A student's times per session, for the sessions they streamed in. */
  public Map<ClassSessionId, StateTimes> sessionsOf(AccountId student) {
    Map<ClassSessionId, StateTimes> out = new LinkedHashMap<>();
    jdbc.query("SELECT session_id, SUM(attentive_ms) AS attentive_ms, SUM(looking_away_ms) AS looking_away_ms, "
            + "SUM(eyes_closed_ms) AS eyes_closed_ms, SUM(drowsy_ms) AS drowsy_ms, SUM(absent_ms) AS absent_ms, "
            + "SUM(someone_else_ms) AS someone_else_ms, SUM(identity_checks) AS identity_checks, "
            + "SUM(identity_mismatches) AS identity_mismatches, MIN(bucket_start) AS bucket_start "
            + "FROM engagement.timeline_bucket WHERE student_id = ? GROUP BY session_id ORDER BY MIN(bucket_start) DESC",
        rs -> {
          out.put(new ClassSessionId(rs.getObject("session_id", UUID.class)), bucket(rs).times());
        }, student.value());
    return out;
  }

  /** A student's times over the session so far. */
  public StateTimes totals(ClassSessionId session, AccountId student) {
    return timeline(session, student).stream().map(BucketTimes::times).reduce(StateTimes.NONE, StateTimes::plus);
  }

  private static Object[] values(Addition a) {
    StateTimes t = a.bucket().times();
    List<Object> values = new ArrayList<>();
    for (EngagementState state : EngagementState.values()) {
      values.add((int) t.millis(state));
    }
    values.add(t.identityChecks());
    values.add(t.identityMismatches());
    values.add(a.session().value());
    values.add(a.student().value());
    values.add(a.bucket().start().atOffset(ZoneOffset.UTC));
    return values.toArray();
  }

  private static BucketTimes bucket(ResultSet rs) throws SQLException {
    long[] millis = new long[EngagementState.values().length];
    millis[EngagementState.ATTENTIVE.ordinal()] = rs.getLong("attentive_ms");
    millis[EngagementState.LOOKING_AWAY.ordinal()] = rs.getLong("looking_away_ms");
    millis[EngagementState.EYES_CLOSED.ordinal()] = rs.getLong("eyes_closed_ms");
    millis[EngagementState.DROWSY.ordinal()] = rs.getLong("drowsy_ms");
    millis[EngagementState.ABSENT.ordinal()] = rs.getLong("absent_ms");
    millis[EngagementState.SOMEONE_ELSE.ordinal()] = rs.getLong("someone_else_ms");
    Instant start = rs.getObject("bucket_start", OffsetDateTime.class).toInstant();
    return new BucketTimes(start, new StateTimes(millis, rs.getInt("identity_checks"),
        rs.getInt("identity_mismatches")));
  }
}
