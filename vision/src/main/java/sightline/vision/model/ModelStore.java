package sightline.vision.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The folder that holds the manifest's files, laid out as {@code <package@version>/<path>}. Every access verifies
 * the file's SHA-256, so a file damaged after the fetch is refused at load time too. Thread-safe: it keeps no state
 * besides the folder and the manifest.
 */
public final class ModelStore {

  /** Environment variable that moves the cache; the system property {@code sightline.models.dir} wins over it. */
  public static final String DIRECTORY_ENV = "SIGHTLINE_MODELS_DIR";

  private static final String FETCH_HINT = "run ./sightline fetch-models (it needs npm) and start again";

  private final Path root;
  private final ModelManifest manifest;

  public ModelStore(Path root, ModelManifest manifest) {
    this.root = root.toAbsolutePath().normalize();
    this.manifest = manifest;
  }

  /** The store at the default folder: {@code sightline.models.dir}, else {@code $SIGHTLINE_MODELS_DIR}, else
   * {@code ~/.cache/sightline/models}. */
  public static ModelStore atDefaultLocation() {
    return new ModelStore(defaultDirectory(), ModelManifest.bundled());
  }

  static Path defaultDirectory() {
    String property = System.getProperty("sightline.models.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv(DIRECTORY_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sightline", "models");
  }

  public Path root() {
    return root;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /**
   * The verified path of the named file.
   *
   * @throws ModelUnavailableException when the file is missing or its checksum does not match the manifest
   * @throws IllegalArgumentException when the manifest lists no such name
   */
  public Path verifiedPath(String name) {
    ModelFile file = manifest.get(name);
    ModelCheck check = check(file);
    if (!check.ok()) {
      throw new ModelUnavailableException(check.problem() + ": " + FETCH_HINT + ".");
    }
    return check.path();
  }

  /** Checks every file of the manifest; never throws for a missing or damaged file. */
  public List<ModelCheck> checkAll() {
    return manifest.files().stream().map(this::check).toList();
  }

  /**
   * Checks every file and fails on the first one that is missing or damaged.
   *
   * @return one passing check per manifest file
   * @throws ModelUnavailableException naming the first bad file, how many others are bad, and what to do
   */
  public List<ModelCheck> requireAll() {
    List<ModelCheck> checks = checkAll();
    List<ModelCheck> bad = checks.stream().filter(check -> !check.ok()).toList();
    if (!bad.isEmpty()) {
      String others = bad.size() == 1 ? "" : " (and " + (bad.size() - 1) + " more)";
      throw new ModelUnavailableException(bad.getFirst().problem() + others + ": " + FETCH_HINT + ".");
    }
    return checks;
  }

  /** Checks one file: present, and its SHA-256 equal to the manifest's. */
  public ModelCheck check(ModelFile file) {
    Path path = pathOf(file);
    if (!Files.isRegularFile(path)) {
      return new ModelCheck(file, path, "Model file " + file.name() + " is missing from " + path);
    }
    String actual = sha256(path);
    if (!actual.equals(file.sha256())) {
      return new ModelCheck(file, path, "Model file " + file.name() + " at " + path
          + " is damaged (SHA-256 " + actual + ", expected " + file.sha256() + ")");
    }
    return new ModelCheck(file, path, null);
  }

  Path pathOf(ModelFile file) {
    return root.resolve(file.relativeCachePath());
  }

  static String sha256(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
