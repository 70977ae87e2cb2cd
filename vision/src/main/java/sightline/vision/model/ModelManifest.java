package sightline.vision.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list of model and fixture files Sightline uses, read from {@code sightline/vision/models.txt} on the class
 * path. Each line: name, npm package@version, path inside the package, SHA-256, purpose. Immutable and thread-safe.
 */
public final class ModelManifest {

  private static final String RESOURCE = "/sightline/vision/models.txt";

  private final Map<String, ModelFile> files;

  private ModelManifest(List<ModelFile> files) {
    var byName = new LinkedHashMap<String, ModelFile>();
    for (var file : files) {
      if (byName.put(file.name(), file) != null) {
        throw new IllegalArgumentException("model manifest names " + file.name() + " twice");
      }
    }
    this.files = java.util.Collections.unmodifiableMap(byName);
  }

  /** The manifest shipped with this library. */
  public static ModelManifest bundled() {
    try (InputStream in = ModelManifest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("model manifest " + RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses manifest text; blank lines and lines starting with {@code #} are ignored. */
  static ModelManifest parse(String text) {
    var files = new ArrayList<ModelFile>();
    try (var reader = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        var trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] columns = trimmed.split("\\s+", 5);
        if (columns.length < 5) {
          throw new IllegalArgumentException("model manifest line " + number + " needs 5 columns: " + line);
        }
        files.add(new ModelFile(columns[0], columns[1], columns[2], columns[3], columns[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelManifest(files);
  }

  /** Every file, in manifest order. */
  public List<ModelFile> files() {
    return List.copyOf(files.values());
  }

  /** The file with this name, if the manifest lists it. */
  public Optional<ModelFile> find(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** The file with this name; throws {@link IllegalArgumentException} when the manifest does not list it. */
  public ModelFile get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "the model manifest lists no file named " + name + "; known: " + files.keySet()));
  }
}
