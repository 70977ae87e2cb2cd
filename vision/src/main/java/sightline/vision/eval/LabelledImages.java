package sightline.vision.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads an anti-spoofing folder's {@code labels.csv}: a header naming at least {@code image}, {@code label}
 * ({@code live} or {@code spoof}) and {@code attack_type} ({@code none} for live), in any order, optionally
 * {@code split}; image paths relative to the folder; fields may be double-quoted (with {@code ""} for a quote).
 * This is the layout of every folder under {@code shared/datasets/antispoof}.
 */
final class LabelledImages {

  private LabelledImages() {
  }

  /**
   * One labelled image.
   *
   * @param attackType {@link LivenessStats#BONA_FIDE} for a live face
   * @param split      the {@code split} column, or null when the file has none
   */
  record Entry(Path image, String attackType, @Nullable String split) {
  }

  static List<Entry> read(Path folder) {
    Path file = folder.resolve("labels.csv");
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (lines.isEmpty()) throw new IllegalArgumentException(file + " is empty");
    List<String> header = fields(lines.get(0)).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    int image = column(header, "image", file);
    int label = column(header, "label", file);
    int attack = column(header, "attack_type", file);
    int split = header.indexOf("split");
    var entries = new ArrayList<Entry>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      List<String> f = fields(lines.get(i));
      if (f.size() < header.size()) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + header.size() + " fields");
      }
      String kind = f.get(label).trim().toLowerCase(Locale.ROOT);
      String type = f.get(attack).trim();
      if (kind.equals("live")) {
        type = LivenessStats.BONA_FIDE;
      } else if (!kind.equals("spoof")) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": label must be live or spoof, was " + kind);
      } else if (type.isEmpty() || type.equals(LivenessStats.BONA_FIDE)) {
        type = "unknown";
      }
      entries.add(new Entry(folder.resolve(f.get(image).trim()), type, split >= 0 ? f.get(split).trim() : null));
    }
    return List.copyOf(entries);
  }

  private static int column(List<String> header, String name, Path file) {
    int i = header.indexOf(name);
    if (i < 0) throw new IllegalArgumentException(file + " has no column " + name + "; header: " + header);
    return i;
  }

  /** Splits one CSV line; double quotes group a field and {@code ""} inside them is a quote. */
  static List<String> fields(String line) {
    var out = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
