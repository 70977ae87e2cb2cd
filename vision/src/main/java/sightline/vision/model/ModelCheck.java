package sightline.vision.model;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one manifest file in the cache.
 *
 * @param file the manifest entry
 * @param path where the file is expected
 * @param problem why it cannot be used (one sentence), or {@code null} when it is present and intact
 */
public record ModelCheck(ModelFile file, Path path, @Nullable String problem) {

  public boolean ok() {
    return problem == null;
  }
}
