package sightline.vision;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation datasets beside the checkout ({@code ../shared/datasets}, or {@code SIGHTLINE_DATASETS}), for the
 * vision tests that need real data. They are never in the repository, so such a test is skipped when its dataset is
 * absent, except under {@code SIGHTLINE_REQUIRE_DATASETS=1} (CI), where a missing dataset fails it.
 */
public final class Datasets {

  private Datasets() {
  }

  /** The folder {@code relative} (e.g. {@code video/focus-blink-webcam}) under the datasets root; skips or fails when absent. */
  public static Path require(String relative) {
    String configured = System.getenv("SIGHTLINE_DATASETS");
    Path root = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of("..", "..", "shared", "datasets").toAbsolutePath().normalize();
    Path folder = root.resolve(relative);
    if (!Files.isDirectory(folder)) {
      if ("1".equals(System.getenv("SIGHTLINE_REQUIRE_DATASETS"))) {
        fail("dataset " + folder + " is missing and SIGHTLINE_REQUIRE_DATASETS=1");
      }
      assumeTrue(false, "dataset " + folder + " is missing (set SIGHTLINE_DATASETS to the datasets folder)");
    }
    return folder;
  }
}
