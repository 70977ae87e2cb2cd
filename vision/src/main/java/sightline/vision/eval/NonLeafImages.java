package sightline.vision.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sightline.vision.Image;

/**
 * Blank and random pictures a plant classifier must refuse, made here from a seed (independent of the generator the
 * training tool uses): flat colours, white noise in colour and grey, two-colour gradients and smooth colour noise,
 * each at a phone photo's 4:3 shape.
 */
final class NonLeafImages {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;

  private NonLeafImages() {
  }

  /** {@code perKind} pictures of each kind, by kind name, the same for the same seed. */
  static Map<String, List<Image>> generate(int perKind, long seed) {
    var random = new SplittableRandom(seed);
    var out = new LinkedHashMap<String, List<Image>>();
    var flats = new ArrayList<Image>(List.of(flat(0, 0, 0), flat(255, 255, 255), flat(128, 128, 128)));
    flats.addAll(list(perKind, () -> flat(random.nextInt(256), random.nextInt(256), random.nextInt(256))));
    out.put("flat colour", flats.subList(0, perKind));
    out.put("white noise", list(perKind, () -> noise(random, false)));
    out.put("grey noise", list(perKind, () -> noise(random, true)));
    out.put("gradient", list(perKind, () -> gradient(random)));
    out.put("smooth noise", list(perKind, () -> smooth(random)));
    return out;
  }

  private static List<Image> list(int n, java.util.function.Supplier<Image> make) {
    var images = new ArrayList<Image>(n);
    for (int i = 0; i < n; i++) {
      images.add(make.get());
    }
    return images;
  }

  /** One colour. The first three flat pictures of every run are black, white and mid-grey, the usual blanks. */
  static Image flat(int r, int g, int b) {
    int[] rgb = {r, g, b};
    return paint((x, y) -> rgb);
  }

  static Image noise(SplittableRandom random, boolean grey) {
    byte[] rgb = new byte[WIDTH * HEIGHT * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      int r = random.nextInt(256);
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) (grey ? r : random.nextInt(256));
      rgb[i + 2] = (byte) (grey ? r : random.nextInt(256));
    }
    return new Image(WIDTH, HEIGHT, rgb);
  }

  static Image gradient(SplittableRandom random) {
    int[] a = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    int[] b = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    double angle = random.nextDouble() * 2 * Math.PI;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double reach = Math.abs(cos) * WIDTH + Math.abs(sin) * HEIGHT;
    return paint((x, y) -> {
      double t = 0.5 + ((x - WIDTH / 2.0) * cos + (y - HEIGHT / 2.0) * sin) / reach;
      return mix(a, b, t);
    });
  }

  /** A random grid of 3x3 to 12x12 colours, bilinearly enlarged: blotches without edges. */
  static Image smooth(SplittableRandom random) {
    int cells = 3 + random.nextInt(10);
    int[][][] grid = new int[cells][cells][];
    for (int[][] row : grid) {
      for (int j = 0; j < cells; j++) {
        row[j] = new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
      }
    }
    return paint((x, y) -> {
      double gx = x * (cells - 1.0) / (WIDTH - 1);
      double gy = y * (cells - 1.0) / (HEIGHT - 1);
      int x0 = Math.min((int) gx, cells - 2);
      int y0 = Math.min((int) gy, cells - 2);
      int[] top = mix(grid[y0][x0], grid[y0][x0 + 1], gx - x0);
      int[] bottom = mix(grid[y0 + 1][x0], grid[y0 + 1][x0 + 1], gx - x0);
      return mix(top, bottom, gy - y0);
    });
  }

  private interface Painter {
    int[] at(int x, int y);
  }

  private static Image paint(Painter painter) {
    byte[] rgb = new byte[WIDTH * HEIGHT * 3];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int[] c = painter.at(x, y);
        int i = 3 * (y * WIDTH + x);
        rgb[i] = (byte) c[0];
        rgb[i + 1] = (byte) c[1];
        rgb[i + 2] = (byte) c[2];
      }
    }
    return new Image(WIDTH, HEIGHT, rgb);
  }

  private static int[] mix(int[] a, int[] b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new int[] {(int) Math.round(a[0] + (b[0] - a[0]) * u), (int) Math.round(a[1] + (b[1] - a[1]) * u),
        (int) Math.round(a[2] + (b[2] - a[2]) * u)};
  }
}
