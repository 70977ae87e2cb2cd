package sightline.vision.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.Point;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.model.ModelStore;

/**
 * Presentation attacks made from one still photo, as camera frames (640x480): the photo as a flat print moved and
 * tilted in front of the camera (every frame one homography of the photo), and the photo warped to fake head turns
 * the way an attacker with one photo and the app's own test video do (the inner face pushed sideways or up by a cos²
 * "bump" that leaves the outline in place), alone or also tilted as a whole. Deterministic; no dataset needed (the photos are
 * the face-api fixtures in the model store). Pure pixel arithmetic, package-private.
 */
final class SyntheticAttacks {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  /** The crop around the face, in face widths, and the neutral bump that makes the fixture faces read as frontal. */
  private static final double CROP_WIDTHS = 3.4;
  private static final double NEUTRAL_BUMP = 0.1;
  private static final int BACKGROUND = 0x70_78_80;

  /** One attack: its kind (an attack type of the evaluation), a name, and its frames in order. */
  record Sequence(String attackType, String name, List<Image> frames) {
  }

  private final Image base;
  private final BoundingBox box;
  private final String subject;

  private SyntheticAttacks(String subject, Image base, BoundingBox box) {
    this.subject = subject;
    this.base = base;
    this.box = box;
  }

  /**
   * The face of fixture photo {@code photoName} nearest {@code near} (the largest face when {@code near} is null),
   * cropped to 3.4 face widths around it and scaled to 640x480.
   */
  static SyntheticAttacks of(FaceAnalyzer faces, String photoName, Point near) {
    Image photo = ImageDecoder.withDefaults().decode(ModelStore.atDefaultLocation().verifiedPath(photoName));
    List<DetectedFace> found = faces.analyze(photo, Set.of());
    DetectedFace face = near == null
        ? found.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow()
        : found.stream().min(Comparator.comparingDouble(f -> f.box().centre().distanceTo(near))).orElseThrow();
    Image base = crop(photo, face.box().centre().x(), face.box().centre().y(), face.box().width() * CROP_WIDTHS);
    BoundingBox inBase = faces.analyze(base, Set.of()).stream().max(Comparator.comparingDouble(f -> f.box().area()))
        .orElseThrow().box();
    return new SyntheticAttacks(photoName, base, inBase);
  }

  /** The four fixture faces the evaluation uses. */
  static List<SyntheticAttacks> fixtures(FaceAnalyzer faces) {
    return List.of(of(faces, "sample1", new Point(1571, 321)), of(faces, "sample3", new Point(690, 468)),
        of(faces, "sample4", null), of(faces, "sample2", null));
  }

  /** Every attack sequence of this face, {@code frames} frames each (the movement rises to its peak and back). */
  List<Sequence> sequences(int frames) {
    var out = new ArrayList<Sequence>();
    for (double tilt : new double[] {30, 45}) out.add(tilted(tilt, frames));
    out.add(sequence("warped_photo", "turn left (bump 0.4)", frames, a -> bump(base, box, NEUTRAL_BUMP + 0.3 * a, false)));
    out.add(sequence("warped_photo", "turn right (bump -0.3)", frames,
        a -> bump(base, box, NEUTRAL_BUMP - 0.4 * a, false)));
    out.add(sequence("warped_photo", "look up (bump -0.25)", frames,
        a -> bump(bump(base, box, NEUTRAL_BUMP, false), box, -0.25 * a, true)));
    out.add(sequence("warped_photo", "turn left, also tilted 20°", frames,
        a -> planar(bump(base, box, NEUTRAL_BUMP + 0.3 * a, false), 20 * a, 5 * a, 0.1 * a, 1, 5 * a)));
    return out;
  }

  /**
   * The photo as a print turned up to {@code degrees} about its vertical axis and a third of that about its
   * horizontal one, shifted sideways by up to 0.15 frame widths, moved away to 0.85 of its size and rolled by up to
   * 8°, and back.
   */
  Sequence tilted(double degrees, int frames) {
    return sequence("photo_moved_tilted", "tilted " + (int) degrees + "°", frames,
        a -> planar(base, degrees * a, degrees * a / 3, 0.15 * a, 1 - 0.15 * a, 8 * a));
  }

  private interface Frame {
    Image at(double amount);
  }

  private Sequence sequence(String attackType, String name, int frames, Frame frame) {
    var images = new ArrayList<Image>(frames);
    for (int j = 0; j < frames; j++) images.add(frame.at(Math.sin(Math.PI * j / (frames - 1))));
    return new Sequence(attackType, subject + ", " + name, List.copyOf(images));
  }

  /** A 4:3 window of {@code width} photo pixels centred on (cx, cy), scaled to 640x480 bilinearly. */
  static Image crop(Image photo, double cx, double cy, double width) {
    double height = width * HEIGHT / WIDTH;
    double x0 = cx - width / 2, y0 = cy - height / 2, sx = width / WIDTH, sy = height / HEIGHT;
    byte[] src = photo.rgb();
    byte[] out = new byte[WIDTH * HEIGHT * 3];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        put(out, WIDTH, x, y, bilinear(src, photo.width(), photo.height(), x0 + (x + 0.5) * sx - 0.5, y0 + (y + 0.5) * sy - 0.5));
      }
    }
    return new Image(WIDTH, HEIGHT, out);
  }

  /**
   * The frame as a print on a plane turned by {@code yawDeg} and {@code pitchDeg}, rolled by {@code rollDeg}, shifted
   * sideways by {@code shift} frame widths and scaled, seen by a pinhole camera with a 60° field of view from about
   * 1.2 focal lengths away: one homography of the input, with a grey background around it.
   */
  static Image planar(Image in, double yawDeg, double pitchDeg, double shift, double scale, double rollDeg) {
    int w = in.width(), h = in.height();
    double f = 0.866 * w * 1.2;
    double ya = Math.toRadians(yawDeg), pa = Math.toRadians(pitchDeg), ra = Math.toRadians(rollDeg);
    double[][] ry = {{Math.cos(ya), 0, Math.sin(ya)}, {0, 1, 0}, {-Math.sin(ya), 0, Math.cos(ya)}};
    double[][] rx = {{1, 0, 0}, {0, Math.cos(pa), -Math.sin(pa)}, {0, Math.sin(pa), Math.cos(pa)}};
    double[][] rz = {{Math.cos(ra), -Math.sin(ra), 0}, {Math.sin(ra), Math.cos(ra), 0}, {0, 0, 1}};
    double[][] r = times(times(ry, rx), rz);
    // plane point (u - w/2, v - h/2, 0) · scale → camera (R p + (shift·w, 0, f)) → image (f X / Z + w/2, f Y / Z + h/2)
    double[][] m = {{r[0][0] * scale, r[0][1] * scale, shift * w}, {r[1][0] * scale, r[1][1] * scale, 0},
        {r[2][0] * scale, r[2][1] * scale, f}};
    double[][] k = {{f, 0, w / 2.0}, {0, f, h / 2.0}, {0, 0, 1}};
    double[][] centre = {{1, 0, -w / 2.0}, {0, 1, -h / 2.0}, {0, 0, 1}};
    double[][] inverse = inverse(times(times(k, m), centre));
    byte[] src = in.rgb();
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double px = inverse[0][0] * x + inverse[0][1] * y + inverse[0][2];
        double py = inverse[1][0] * x + inverse[1][1] * y + inverse[1][2];
        double pz = inverse[2][0] * x + inverse[2][1] * y + inverse[2][2];
        double u = px / pz, v = py / pz;
        put(out, w, x, y, u >= 0 && v >= 0 && u <= w - 1 && v <= h - 1 ? bilinear(src, w, h, u, v) : BACKGROUND);
      }
    }
    return new Image(w, h, out);
  }

  /**
   * Moves the inside of the face sideways (or up and down) by {@code amount} face widths (heights) at its centre,
   * fading to nothing at 0.75 widths and 0.8 heights from it (a cos² window): nose, eyes and mouth move while the
   * outline stays, which is how a head turn looks to a pose model.
   */
  static Image bump(Image in, BoundingBox box, double amount, boolean vertical) {
    int w = in.width(), h = in.height();
    byte[] src = in.rgb();
    byte[] out = src.clone();
    double fx = box.centre().x(), fy = box.centre().y(), rx = box.width() * 0.75, ry = box.height() * 0.8;
    for (int y = Math.max(0, (int) (fy - ry)); y < Math.min(h, (int) (fy + ry) + 1); y++) {
      for (int x = Math.max(0, (int) (fx - rx)); x < Math.min(w, (int) (fx + rx) + 1); x++) {
        double u = (x - fx) / rx, v = (y - fy) / ry, d = Math.sqrt(u * u + v * v);
        if (d >= 1) continue;
        double weight = Math.pow(Math.cos(d * Math.PI / 2), 2);
        double sx = vertical ? x : Math.clamp(x - amount * box.width() * weight, 0, w - 1);
        double sy = vertical ? Math.clamp(y - amount * box.height() * weight, 0, h - 1) : y;
        put(out, w, x, y, bilinear(src, w, h, sx, sy));
      }
    }
    return new Image(w, h, out);
  }

  private static int bilinear(byte[] rgb, int w, int h, double x, double y) {
    x = Math.clamp(x, 0, w - 1);
    y = Math.clamp(y, 0, h - 1);
    int x0 = (int) x, y0 = (int) y, x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
    double fx = x - x0, fy = y - y0;
    int out = 0;
    for (int c = 0; c < 3; c++) {
      double v = (rgb[3 * (y0 * w + x0) + c] & 0xff) * (1 - fx) * (1 - fy) + (rgb[3 * (y0 * w + x1) + c] & 0xff) * fx * (1 - fy)
          + (rgb[3 * (y1 * w + x0) + c] & 0xff) * (1 - fx) * fy + (rgb[3 * (y1 * w + x1) + c] & 0xff) * fx * fy;
      out = out << 8 | (int) Math.round(v);
    }
    return out;
  }

  private static void put(byte[] out, int width, int x, int y, int rgb) {
    int p = 3 * (y * width + x);
    out[p] = (byte) (rgb >> 16);
    out[p + 1] = (byte) (rgb >> 8);
    out[p + 2] = (byte) rgb;
  }

  private static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
    return c;
  }

  private static double[][] inverse(double[][] m) {
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    return new double[][] {
        {(m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det, (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
            (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det},
        {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det, (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
            (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det},
        {(m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det, (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det,
            (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det}};
  }
}
