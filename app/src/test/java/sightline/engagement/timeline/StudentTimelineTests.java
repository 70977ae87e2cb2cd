package sightline.engagement.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static sightline.engagement.EngagementState.ABSENT;
import static sightline.engagement.EngagementState.ATTENTIVE;
import static sightline.engagement.EngagementState.LOOKING_AWAY;
import static sightline.engagement.EngagementState.SOMEONE_ELSE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.engagement.EngagementState;

/** The time-weighting and bucket rules, with instants only. */
class StudentTimelineTests {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private static StudentTimeline timeline() {
    return new StudentTimeline(Duration.ofSeconds(10), Duration.ofSeconds(3), StateTimes.NONE);
  }

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void aStateLastsUntilTheNextFrame() {
    var timeline = timeline();
    timeline.record(at(0), ATTENTIVE);
    timeline.record(at(1), ATTENTIVE);
    timeline.record(at(2), LOOKING_AWAY);
    timeline.record(at(3), ATTENTIVE);
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(2000);
    assertThat(timeline.totals().millis(LOOKING_AWAY)).isEqualTo(1000);
    assertThat(timeline.current()).isEqualTo(ATTENTIVE);
  }

  @Test
  void aLateFrameCountsTheLastStateOnlyUpToTheCap() {
    var timeline = timeline();
    timeline.record(at(0), LOOKING_AWAY);
    timeline.record(at(20), ATTENTIVE); // 17 s of dropped frames are not "looking away"
    assertThat(timeline.totals().millis(LOOKING_AWAY)).isEqualTo(3000);
    assertThat(timeline.totals().totalMillis()).isEqualTo(3000);
  }

  @Test
  void sendingFasterGainsNothing() {
    var slow = timeline();
    var fast = timeline();
    for (int s = 0; s <= 10; s++) {
      slow.record(at(s), ATTENTIVE);
    }
    for (int i = 0; i <= 100; i++) {
      fast.record(at(i / 10.0), ATTENTIVE);
    }
    assertThat(fast.totals()).isEqualTo(slow.totals());
  }

  @Test
  void aFrameOlderThanTheLastIsIgnored() {
    var timeline = timeline();
    timeline.record(at(2), ATTENTIVE);
    timeline.record(at(1), ABSENT);
    timeline.record(at(3), ATTENTIVE);
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(1000);
    assertThat(timeline.totals().millis(ABSENT)).isZero();
  }

  @Test
  void timeIsSplitAtBucketBoundariesAlignedToTheEpoch() {
    var timeline = timeline();
    timeline.record(at(8.5), ATTENTIVE);
    timeline.record(at(11), SOMEONE_ELSE);
    List<BucketTimes> buckets = timeline.drain();
    assertThat(buckets).extracting(BucketTimes::start).containsExactly(at(0), at(10));
    assertThat(buckets.get(0).times().millis(ATTENTIVE)).isEqualTo(1500);
    assertThat(buckets.get(1).times().millis(ATTENTIVE)).isEqualTo(1000);
  }

  @Test
  void drainingHandsOverEachSecondOnce() {
    var timeline = timeline();
    timeline.record(at(0), ATTENTIVE);
    timeline.record(at(1), ATTENTIVE);
    assertThat(timeline.drain()).hasSize(1);
    assertThat(timeline.drain()).isEmpty();
    timeline.record(at(2), ATTENTIVE);
    List<BucketTimes> second = timeline.drain();
    assertThat(second).singleElement().satisfies(b -> assertThat(b.times().millis(ATTENTIVE)).isEqualTo(1000));
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(2000);
  }

  @Test
  void anIdleStudentsLastStateIsClosedAtTheCapAndTheNextFrameStartsAfresh() {
    var timeline = timeline();
    timeline.record(at(0), ATTENTIVE);
    assertThat(timeline.closeIfIdle(at(2))).isFalse();
    assertThat(timeline.closeIfIdle(at(10))).isTrue();
    assertThat(timeline.current()).isNull();
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(3000);
    timeline.record(at(60), LOOKING_AWAY);
    timeline.record(at(61), ATTENTIVE);
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(3000);
    assertThat(timeline.totals().millis(LOOKING_AWAY)).isEqualTo(1000);
  }

  @Test
  void engagementIsAttentiveOverPresentTime() {
    var timeline = timeline();
    timeline.record(at(0), ATTENTIVE);
    timeline.record(at(3), LOOKING_AWAY);
    timeline.record(at(4), ABSENT); // absence is not in the denominator
    timeline.record(at(7), ATTENTIVE);
    timeline.record(at(8), ATTENTIVE);
    assertThat(timeline.totals().presentMillis()).isEqualTo(5000);
    assertThat(timeline.totals().engagementPercent()).isEqualTo(80);
  }

  @Test
  void neverPresentHasNoPercentage() {
    var timeline = timeline();
    timeline.record(at(0), ABSENT);
    timeline.record(at(1), ABSENT);
    assertThat(timeline.totals().engagementPercent()).isEqualTo(-1);
  }

  @Test
  void earlierTotalsCarryOverAfterARestart() {
    long[] millis = new long[EngagementState.values().length];
    millis[ATTENTIVE.ordinal()] = 60_000;
    var timeline = new StudentTimeline(Duration.ofSeconds(10), Duration.ofSeconds(3), new StateTimes(millis, 2, 0));
    timeline.record(at(0), LOOKING_AWAY);
    timeline.record(at(3), ATTENTIVE);
    assertThat(timeline.totals().millis(ATTENTIVE)).isEqualTo(60_000);
    assertThat(timeline.totals().engagementPercent()).isEqualTo(95);
    assertThat(timeline.drain()).singleElement()
        .satisfies(b -> assertThat(b.times().millis(LOOKING_AWAY)).isEqualTo(3000));
  }

  @Test
  void identityChecksAreCountedInTheirBucket() {
    var timeline = timeline();
    timeline.recordIdentityCheck(at(5), false);
    timeline.recordIdentityCheck(at(15), true);
    assertThat(timeline.drain()).extracting(b -> b.times().identityMismatches()).containsExactly(0, 1);
    assertThat(timeline.totals().identityChecks()).isEqualTo(2);
  }

  @Test
  void theSparklineKeepsTheLastFiveMinutes() {
    var timeline = timeline();
    for (int s = 0; s <= 600; s++) {
      timeline.record(at(s), s % 20 < 10 ? ATTENTIVE : LOOKING_AWAY);
    }
    assertThat(timeline.sparkline()).hasSize(30).containsOnly(0, 100);
  }
}
