package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.eval.EpisodeAgreement.Run;

class EpisodeAgreementTests {

  private static boolean[] series(String marks) {
    boolean[] out = new boolean[marks.length()];
    for (int i = 0; i < out.length; i++) out[i] = marks.charAt(i) == '#';
    return out;
  }

  @Test
  void episodesAreMaximalRunsOfClosedFrames() {
    assertThat(EpisodeAgreement.runs(series("..##...#.###"))).containsExactly(new Run(2, 3), new Run(7, 7), new Run(9, 11));
    assertThat(EpisodeAgreement.runs(series("#..#"))).containsExactly(new Run(0, 0), new Run(3, 3));
    assertThat(EpisodeAgreement.runs(series("...."))).isEmpty();
    assertThat(new Run(9, 11).frames()).isEqualTo(3);
  }

  @Test
  void anEpisodeIsFoundByAPredictionOverlappingItWithinTheTolerance() {
    var labelled = EpisodeAgreement.runs(series("..###......##.......#...."));
    var predicted = EpisodeAgreement.runs(series("...#.........#.#.........##"));
    // Found: the first (overlap) and the second (one frame after its end); the third (frame 20) is missed.
    // Right: predictions at 3 and 13; the one at 15 is two frames after the second episode, the last is far off.
    var strict = EpisodeAgreement.of(labelled, predicted, 0);
    assertThat(strict).isEqualTo(new EpisodeAgreement(3, 1, 4, 1));
    var tolerant = EpisodeAgreement.of(labelled, predicted, 1);
    assertThat(tolerant).isEqualTo(new EpisodeAgreement(3, 2, 4, 2));
    assertThat(tolerant.precision()).isEqualTo(0.5);
    assertThat(tolerant.recall()).isEqualTo(2 / 3.0);
    assertThat(tolerant.f1()).isEqualTo(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0));
    assertThat(strict.plus(tolerant)).isEqualTo(new EpisodeAgreement(6, 3, 8, 3));
  }

  @Test
  void ratesAreUndefinedWithoutEpisodes() {
    var none = EpisodeAgreement.of(List.of(), List.of(), 1);
    assertThat(none.precision()).isNaN();
    assertThat(none.recall()).isNaN();
    assertThat(none.f1()).isNaN();
    var allMissed = EpisodeAgreement.of(List.of(new Run(1, 2)), List.of(new Run(8, 9)), 1);
    assertThat(allMissed.f1()).isZero();
  }
}
