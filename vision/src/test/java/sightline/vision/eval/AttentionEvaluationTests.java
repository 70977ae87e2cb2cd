package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionEvaluationTests {

  @Test
  void readsTheRecordedCaptureTimes() {
    List<Instant> at = AttentionEvaluation.timestamps("""
        [
            "2025-02-17 04:30:23.453145",
            "2025-02-17 04:30:23.482261",
            "2025-02-17 04:30:24"
        ]""");
    assertThat(at).hasSize(3);
    assertThat(Duration.between(at.get(0), at.get(1))).isEqualTo(Duration.ofNanos(29_116_000));
    assertThat(Duration.between(at.get(0), at.get(2))).isEqualTo(Duration.ofNanos(546_855_000));
    assertThatThrownBy(() -> AttentionEvaluation.timestamps("[\"2025-02-17 04:30:24\", \"2025-02-17 04:30:23\"]"))
        .hasMessageContaining("backwards");
  }

  @Test
  void samplesOneFramePerSecondFromAnOffset() {
    var at = new ArrayList<Instant>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 100; i++) at.add(t0.plusMillis(i * 70));   // about 14 frames per second
    List<Integer> picked = AttentionEvaluation.everySecond(at, Duration.ofMillis(300));
    assertThat(picked.get(0)).isEqualTo(5);                            // the first frame at or after 0.3 s (0.35 s)
    for (int k = 1; k < picked.size(); k++) {
      long gap = Duration.between(at.get(picked.get(k - 1)), at.get(picked.get(k))).toMillis();
      assertThat(gap).isBetween(1000L, 1069L);
    }
    assertThat(picked).hasSize(7);
  }

  @Test
  void labelsTheTuningClipFromItsNotes() {
    var rows = AttentionEvaluation.tuningFrames(List.of(
        "image,label,attack_type,approx_time_s,note",
        "frames/live/live_001.jpg,live,none,0.0,\"frontal, looking at camera\"",
        "frames/live/live_012.jpg,live,none,5.5,slight head turn",
        "frames/live/live_013.jpg,live,none,6.0,motion blur",
        "frames/live/live_015.jpg,live,none,7.0,head turned towards image left (looking away)",
        "frames/live/live_019.jpg,live,none,9.0,returning to frontal",
        "frames/spoof/replay_001.jpg,spoof,replay_phone,0.0,MIXED: live face"));
    assertThat(rows).containsExactly(
        new AttentionEvaluation.TuningFrame("frames/live/live_001.jpg", 0.0, true),
        new AttentionEvaluation.TuningFrame("frames/live/live_012.jpg", 5.5, true),
        new AttentionEvaluation.TuningFrame("frames/live/live_013.jpg", 6.0, null),
        new AttentionEvaluation.TuningFrame("frames/live/live_015.jpg", 7.0, false),
        new AttentionEvaluation.TuningFrame("frames/live/live_019.jpg", 9.0, null));
  }

  @Test
  void splitsAClipIntoPartsWithEpisodesWhereTheyStart() {
    boolean[] labels = series("..##......###...");
    boolean[] closed = series("...#.......####.");
    boolean[] none = new boolean[labels.length];
    var all = AttentionEvaluation.part("all", labels, closed, none, none, 0, 16);
    assertThat(all.perFrame()).isEqualTo(new BinaryAgreement(3, 2, 2, 9));
    assertThat(all.episodes()).isEqualTo(new EpisodeAgreement(2, 2, 2, 2));
    // Within one frame every labelled frame is found; of the five predicted, only frame 14 has no label near it.
    assertThat(all.tolerated()).isEqualTo(new EpisodeAgreement(5, 5, 5, 4));
    var second = AttentionEvaluation.part("2nd half", labels, closed, none, none, 8, 16);
    assertThat(second.frames()).isEqualTo(8);
    assertThat(second.perFrame()).isEqualTo(new BinaryAgreement(2, 2, 1, 3));
    assertThat(second.episodes()).isEqualTo(new EpisodeAgreement(1, 1, 1, 1));
  }

  private static boolean[] series(String marks) {
    boolean[] out = new boolean[marks.length()];
    for (int i = 0; i < out.length; i++) out[i] = marks.charAt(i) == '#';
    return out;
  }
}
