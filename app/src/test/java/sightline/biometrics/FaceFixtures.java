package sightline.biometrics;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;

/**
 * Single-face camera-like frames (640x480) cut from the face-api demo photos, which show groups of different people.
 * A "pose" is a crop with margin, rotation, offset and mirroring: crops of one face are the same person (they score
 * 0.96–0.99 against each other, measured 2026-12-07), crops of two faces two different people. The chosen faces pass
 * the enrolment gates in the poses listed (|yaw|, |pitch| ≤ 18°, live score ≥ 0.98, one face in the crop), except
 * {@link #BEA} in the second pose, whose crop catches part of her neighbour's face (two faces).
 */
public final class FaceFixtures {

  private FaceFixtures() {
  }

  /** A face in one of the demo photos. */
  public record Person(String sample, BoundingBox box) {
  }

  /** The woman on the right of sample1. */
  public static final Person ANA = new Person("sample1", new BoundingBox(1464, 215, 1679, 428));
  /** The woman on the left of sample3. */
  public static final Person BEA = new Person("sample3", new BoundingBox(589, 329, 791, 608));

  /** Crop parameters: margin around the box (fraction of its height), degrees, pixels, mirrored. */
  public record Pose(double margin, double degrees, double dx, boolean mirror) {
  }

  /** Five poses whose crops of one face differ enough not to count as repeats (pairwise similarity < 0.995). */
  public static final List<Pose> POSES = List.of(new Pose(0.8, 0, 0, true), new Pose(0.8, -7, 0, false),
      new Pose(1.1, 0, 60, false), new Pose(0.6, 4, -40, true), new Pose(0.7, -4, 30, false));

  private static final ImageDecoder DECODER = ImageDecoder.withDefaults();

  public static Image photo(String sample) {
    return DECODER.decode(ModelStore.atDefaultLocation().verifiedPath(sample));
  }

  /** A 640x480 frame of the person in a pose. */
  public static BufferedImage frame(Person person, Pose pose) {
    Image source = photo(person.sample());
    BoundingBox b = person.box();
    double cx = (b.left() + b.right()) / 2;
    double cy = (b.top() + b.bottom()) / 2;
    double scale = 480 / (b.height() * (1 + 2 * pose.margin()));
    var out = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    var t = new AffineTransform();
    t.translate(320 + pose.dx(), 240);
    if (pose.mirror()) {
      t.scale(-1, 1);
    }
    t.rotate(Math.toRadians(pose.degrees()));
    t.scale(scale, scale);
    t.translate(-cx, -cy);
    g.drawImage(source.toBufferedImage(), t, null);
    g.dispose();
    return out;
  }

  public static Image image(Person person, Pose pose) {
    return Image.fromBufferedImage(frame(person, pose));
  }

  public static byte[] jpeg(Person person, Pose pose) {
    return jpeg(frame(person, pose));
  }

  public static byte[] jpeg(BufferedImage image) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
