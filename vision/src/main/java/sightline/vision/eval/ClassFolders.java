package sightline.vision.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A folder-per-class image dataset (PlantVillage's layout: {@code <dataset>/<class folder>/<image>}), optionally
 * restricted to one part of a split file. A class folder matches a model label when both read the same as a
 * {@linkplain #slug slug}, so {@code Pepper,_bell___healthy} is the label {@code pepper_bell_healthy}.
 */
final class ClassFolders {

  private ClassFolders() {
  }

  /** One picture and the slug of its class folder. */
  record Entry(Path image, String label) {
  }

  /** Lower case; every run of characters other than a-z and 0-9 becomes one underscore; none at either end. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return s.replaceAll("^_+|_+$", "");
  }

  /**
   * Every JPEG or PNG one level below {@code dataset}, in path order; with a split file, only the rows of
   * {@code part}.
   *
   * @param split a CSV with a header naming at least {@code path} (relative to the dataset) and {@code split},
   *     as written by {@code ./sightline train-plants}; null for every picture
   * @throws IllegalArgumentException when the split file is malformed or names a picture that does not exist
   */
  static List<Entry> read(Path dataset, @Nullable Path split, String part) {
    return split == null ? walk(dataset) : fromSplit(dataset, split, part);
  }

  private static List<Entry> walk(Path dataset) {
    var out = new ArrayList<Entry>();
    try (Stream<Path> folders = Files.list(dataset)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          files.filter(ClassFolders::isPicture).sorted()
              .forEach(f -> out.add(new Entry(f, slug(folder.getFileName().toString()))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dataset, e);
    }
    return out;
  }

  private static List<Entry> fromSplit(Path dataset, Path split, String part) {
    List<String> lines;
    try {
      lines = Files.readAllLines(split, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + split, e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(split + " is empty");
    }
    List<String> header = LabelledImages.fields(lines.get(0)).stream().map(String::strip).toList();
    int path = header.indexOf("path");
    int which = header.indexOf("split");
    if (path < 0 || which < 0) {
      throw new IllegalArgumentException(split + " needs the columns path and split, has " + header);
    }
    var out = new ArrayList<Entry>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> fields = LabelledImages.fields(lines.get(i));
      if (fields.size() < header.size()) {
        throw new IllegalArgumentException(split + " line " + (i + 1) + " has too few fields");
      }
      if (!fields.get(which).strip().equals(part)) {
        continue;
      }
      Path image = dataset.resolve(fields.get(path));
      if (!Files.isRegularFile(image) || image.getParent() == null || !image.getParent().getParent().equals(dataset)) {
        throw new IllegalArgumentException(split + " line " + (i + 1) + " names " + fields.get(path)
            + ", which is not a picture in a class folder of " + dataset);
      }
      out.add(new Entry(image, slug(image.getParent().getFileName().toString())));
    }
    return out;
  }

  private static boolean isPicture(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }
}
