package sightline.vision.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a list of face pairs: LFW's {@code pairs.txt} format (optional {@code folds<TAB>perFold} header; same-person
 * lines {@code Name i j}, different-person lines {@code Name1 i Name2 j}; images at
 * {@code <dir>/images/<Name>/<Name>_NNNN.jpg}) or a CSV {@code image1,image2,same} with paths relative to the CSV's
 * folder (a header naming the columns may add a {@code fold} column). Without folds in the file, pair {@code i}
 * goes to fold {@code i mod 10}. Package-private.
 */
final class PairList {

  record Entry(Path first, Path second, boolean same, int fold) {
  }

  private PairList() {
  }

  static List<Entry> read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty()).toList();
      Path dir = file.toAbsolutePath().getParent();
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return csv(lines, dir);
      }
      return lfw(lines, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pair list " + file, e);
    }
  }

  static List<Entry> lfw(List<String> lines, Path dir) {
    Path images = Files.isDirectory(dir.resolve("images")) ? dir.resolve("images") : dir;
    int start = 0;
    int perFold = -1;
    String[] head = lines.isEmpty() ? new String[0] : lines.get(0).split("\\s+");
    if (head.length == 2 && head[0].matches("\\d+") && head[1].matches("\\d+")) {
      perFold = 2 * Integer.parseInt(head[1]); // same and different pairs per fold
      start = 1;
    }
    var entries = new ArrayList<Entry>();
    for (int i = start; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\\s+");
      int index = i - start;
      int fold = perFold > 0 ? index / perFold + 1 : index % 10 + 1;
      if (f.length == 3) {
        entries.add(new Entry(lfwImage(images, f[0], f[1]), lfwImage(images, f[0], f[2]), true, fold));
      } else if (f.length == 4) {
        entries.add(new Entry(lfwImage(images, f[0], f[1]), lfwImage(images, f[2], f[3]), false, fold));
      } else {
        throw new IllegalArgumentException("line " + (i + 1) + " is not an LFW pair: " + lines.get(i));
      }
    }
    return entries;
  }

  private static Path lfwImage(Path images, String name, String index) {
    return images.resolve(name).resolve(String.format(Locale.ROOT, "%s_%04d.jpg", name, Integer.parseInt(index)));
  }

  static List<Entry> csv(List<String> lines, Path dir) {
    int first = 0, second = 1, same = 2, fold = -1, start = 0;
    List<String> header = Arrays.stream(lines.get(0).split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    if (header.contains("image1") && header.contains("image2") && header.contains("same")) {
      first = header.indexOf("image1");
      second = header.indexOf("image2");
      same = header.indexOf("same");
      fold = header.indexOf("fold");
      start = 1;
    }
    var entries = new ArrayList<Entry>();
    for (int i = start; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      int index = i - start;
      int explicitFold = fold >= 0 ? Integer.parseInt(f[fold].strip()) : 0;
      String s = f[same].strip().toLowerCase(Locale.ROOT);
      boolean isSame = s.equals("1") || s.equals("true") || s.equals("yes");
      entries.add(new Entry(dir.resolve(f[first].strip()), dir.resolve(f[second].strip()), isSame,
          explicitFold > 0 ? explicitFold : index % 10 + 1));
    }
    return entries;
  }
}
