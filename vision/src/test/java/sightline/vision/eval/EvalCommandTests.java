package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class EvalCommandTests {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return EvalCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("faces")).isEqualTo(2);
    assertThat(err.toString()).contains("--pairs FILE is required");
    assertThat(run("faces", "--pairs", "/nonexistent/pairs.txt")).isEqualTo(2);
    assertThat(run("nonsense")).isEqualTo(2);
    assertThat(run("faces", "--far")).isEqualTo(2);
    assertThat(run("liveness")).isEqualTo(2);
    assertThat(run("eyes", "--max-frames", "0", "--dataset", "x")).isEqualTo(2);
    assertThat(run("pose", "--max-degrees", "120", "--dataset", "x")).isEqualTo(2);
    assertThat(run("liveness", "--dataset", "/nonexistent")).isEqualTo(2);
    assertThat(run("plants")).isEqualTo(2);
    assertThat(run("plants", "--dataset", "/nonexistent")).isEqualTo(2);
    assertThat(err.toString()).contains("no dataset folder at /nonexistent");
    assertThat(err.toString()).contains("--dataset DIR is required").contains("no labels.csv");
    assertThat(run("liveness", "--datasets", "/nonexistent")).isEqualTo(2);
    assertThat(err.toString()).contains("no antispoof/msu-mfsd-firstframes under /nonexistent");
    assertThat(run("liveness", "--datasets", "x", "--session-frames", "2")).isEqualTo(2);
    assertThat(run("liveness", "--datasets", "x", "--target-bpcer", "1")).isEqualTo(2);
    assertThat(run("mean-face")).isEqualTo(2);
    assertThat(err.toString()).contains("mean-face needs --images DIR");
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--min-accuracy");
  }

  @Test
  void jsonIsFlatAndMachineReadable() {
    var figures = new LinkedHashMap<String, Object>();
    figures.put("pairs", 6000);
    figures.put("accuracy", 0.98765);
    figures.put("threshold", Double.POSITIVE_INFINITY);
    figures.put("pairList", "a \"b\"");
    assertThat(EvalCommand.toJson(figures))
        .isEqualTo("{\"pairs\": 6000, \"accuracy\": 0.987650, \"threshold\": null, \"pairList\": \"a \\\"b\\\"\"}");
  }
}
