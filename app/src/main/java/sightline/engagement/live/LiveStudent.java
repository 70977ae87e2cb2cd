package sightline.engagement.live;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import sightline.engagement.EngagementState;
import sightline.engagement.live.LiveMessages.Alert;
import sightline.engagement.live.LiveMessages.Identity;
import sightline.engagement.timeline.StudentTimeline;
import sightline.identity.AccountId;
import sightline.vision.face.AttentionTracker;

/**
 * One student in one live session, in this server's memory only: the attention tracker (about 20 KB, rebuilt by
 * one detection), the timeline's unwritten seconds and recent buckets (the totals are read back from the database),
 * the last identity check. Losing it costs a detection and at most a few seconds of timeline. Guarded by its own
 * monitor; {@link #busy} lets one frame at a time through.
 */
final class LiveStudent {

  static final Duration ABSENT_ALERT_AFTER = Duration.ofMinutes(1);

  final AccountId id;
  final String name;
  final String principal;
  final AttentionTracker tracker;
  final StudentTimeline timeline;
  final AtomicBoolean busy = new AtomicBoolean();
  private Identity identity = Identity.UNCHECKED;
  private @Nullable Instant absentSince;
  private @Nullable Instant lastFrameAt;
  private Instant admittedUntil;
  private long framesWithFace;

  LiveStudent(AccountId id, String name, String principal, AttentionTracker tracker, StudentTimeline timeline,
      Instant admittedUntil) {
    this.id = id;
    this.name = name;
    this.principal = principal;
    this.tracker = tracker;
    this.timeline = timeline;
    this.admittedUntil = admittedUntil;
  }

  synchronized boolean admittedAt(Instant now) {
    return now.isBefore(admittedUntil);
  }

  synchronized void admitUntil(Instant until) {
    admittedUntil = until;
  }

  /** Records a frame's state; returns whether this frame is due for an identity spot check. */
  synchronized boolean record(Instant at, EngagementState state, int faces, int checkEvery) {
    timeline.record(at, state);
    lastFrameAt = at;
    absentSince = state == EngagementState.ABSENT ? (absentSince == null ? at : absentSince) : null;
    if (faces == 1 && state != EngagementState.ABSENT) {
      framesWithFace++;
      return framesWithFace % checkEvery == 1 || checkEvery == 1;
    }
    return false;
  }

  synchronized void identityChecked(Instant at, Identity found) {
    identity = found;
    if (found == Identity.CONFIRMED || found == Identity.MISMATCH) {
      timeline.recordIdentityCheck(at, found == Identity.MISMATCH);
    }
  }

  synchronized @Nullable Instant lastFrameAt() {
    return lastFrameAt;
  }

  /** The dashboard's line for this student at {@code now}. */
  synchronized LiveMessages.StudentUpdate update(Instant now) {
    EngagementState state = timeline.current();
    Set<Alert> alerts = EnumSet.noneOf(Alert.class);
    if (absentSince != null && !now.isBefore(absentSince.plus(ABSENT_ALERT_AFTER))) {
      alerts.add(Alert.ABSENT_OVER_A_MINUTE);
    }
    if (state == EngagementState.SOMEONE_ELSE) {
      alerts.add(Alert.SOMEONE_ELSE_IN_VIEW);
    }
    if (identity == Identity.MISMATCH) {
      alerts.add(Alert.IDENTITY_MISMATCH);
    }
    return new LiveMessages.StudentUpdate(id.value(), name, state, timeline.totals().engagementPercent(),
        timeline.sparkline(), alerts, identity, lastFrameAt != null ? lastFrameAt : now);
  }

  /** Engagement over the session so far, in percent; -1 before any present time. */
  synchronized int percent() {
    return timeline.totals().engagementPercent();
  }

  synchronized Identity identity() {
    return identity;
  }
}
