package sightline.engagement.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.engagement.EngagementState;
import sightline.engagement.timeline.BucketTimes;
import sightline.engagement.timeline.StateTimes;
import sightline.identity.AccountId;

/**
 * A session's engagement as stored: one line per student who streamed (with the roster's other students as never
 * present), and the class average per bucket.
 */
public record SessionReport(ClassSessionView session, CourseView course, List<StudentLine> students,
    List<ClassPoint> classAverage) {

  /** One student's totals and timeline, by bucket. */
  public record StudentLine(AccountId student, String name, StateTimes totals, List<BucketTimes> timeline) {

    public int percent() {
      return totals.engagementPercent();
    }

    public long presentSeconds() {
      return totals.presentMillis() / 1000;
    }

    public long seconds(EngagementState state) {
      return totals.millis(state) / 1000;
    }

    /** The state that took most of a bucket, for the timeline strip. */
    public static EngagementState dominant(StateTimes times) {
      EngagementState best = EngagementState.ABSENT;
      long most = -1;
      for (EngagementState state : EngagementState.values()) {
        if (times.millis(state) > most) {
          most = times.millis(state);
          best = state;
        }
      }
      return best;
    }
  }

  /** The mean engagement of the students present in a bucket, in percent. */
  public record ClassPoint(Instant at, int percent, int students) {}

  /** The report of stored timelines; students of the roster without a timeline get an empty line. */
  public static SessionReport of(ClassSessionView session, CourseView course, Map<AccountId, List<BucketTimes>> stored,
      Map<AccountId, String> names) {
    List<StudentLine> lines = new ArrayList<>();
    names.forEach((student, name) -> {
      List<BucketTimes> timeline = stored.getOrDefault(student, List.of());
      lines.add(new StudentLine(student, name,
          timeline.stream().map(BucketTimes::times).reduce(StateTimes.NONE, StateTimes::plus), timeline));
    });
    lines.sort(Comparator.comparing(StudentLine::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(l -> l.student().value()));
    return new SessionReport(session, course, List.copyOf(lines), classAverage(stored.values()));
  }

  /** Per bucket, the mean over the students present in it of their engagement in it. */
  static List<ClassPoint> classAverage(Iterable<List<BucketTimes>> timelines) {
    Map<Instant, int[]> sums = new TreeMap<>();
    for (List<BucketTimes> timeline : timelines) {
      for (BucketTimes bucket : timeline) {
        int percent = bucket.times().engagementPercent();
        if (percent >= 0) {
          int[] sum = sums.computeIfAbsent(bucket.start(), k -> new int[2]);
          sum[0] += percent;
          sum[1]++;
        }
      }
    }
    List<ClassPoint> points = new ArrayList<>();
    sums.forEach((at, sum) -> points.add(new ClassPoint(at, Math.round((float) sum[0] / sum[1]), sum[1])));
    return List.copyOf(points);
  }

  /** The class's engagement over the whole session: attentive over present time of everyone. */
  public int classPercent() {
    return students.stream().map(StudentLine::totals).reduce(StateTimes.NONE, StateTimes::plus).engagementPercent();
  }
}
