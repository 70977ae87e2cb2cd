package sightline.biometrics.liveness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import sightline.biometrics.Challenge;
import sightline.biometrics.FaceEngine;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.Point;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceLandmarks;
import sightline.vision.model.ModelStore;

/**
 * Camera frames that meet liveness challenges, made from one still fixture photo by real image changes that the face
 * models respond to (no dataset needed, so the browser tests can use them too). Found by trying warps on the real
 * models (2026-12-07, the face at about (690, 468) of the face-api demo photo {@code sample3}, cropped to 3.4 face
 * widths):
 * <ul>
 *   <li>the neutral frame is the crop with the inner face pushed 0.1 face widths to the picture's right, which makes
 *       fr_pose read it as frontal (yaw 14 degrees becomes 3);</li>
 *   <li>TURN_LEFT: a horizontal "bump" warp (displacement largest at the face centre, zero at its outline) of +0.4
 *       face widths: yaw -25 (a change of -28 degrees), embedding similarity to neutral 0.66;</li>
 *   <li>TURN_RIGHT: the same warp of -0.3: yaw +24 (+21), similarity 0.64;</li>
 *   <li>LOOK_UP: the vertical bump of -0.25 face heights on the neutral frame: pitch +32 degrees, similarity 0.57;</li>
 *   <li>BLINK: each eye (from the 68 landmarks) painted over with an ellipse of the cheek's colour and a darker
 *       lash line: fr_eye 1.00/1.00 closed, similarity 0.87;</li>
 *   <li>COME_CLOSER: zooming from 3.4 to 2.4 face widths: eye distance 85 to 121 px, estimated distance 0.70 of the
 *       start; passive liveness stays above 0.97.</li>
 * </ul>
 * A plain horizontal keystone (the flat photo rotated about a vertical axis) moved yaw by only 4–5 degrees and was
 * dropped. Every frame keeps passive liveness above 0.95 on this photo; on others (e.g. {@code sample5}) zooming in
 * drops it below 0.3, so this subject was chosen for that. All frames are 640x480.
 */
public final class SyntheticLivenessFrames {

  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;
  private static final double BASE_CROP = 3.4;
  private static final double NEUTRAL_BUMP = 0.1;

  private final BufferedImage photo;
  private final double cx;
  private final double cy;
  private final double faceWidth;
  private final BoundingBox baseBox;
  private final FaceLandmarks neutralLandmarks;
  private final BoundingBox neutralBox;

  private SyntheticLivenessFrames(BufferedImage photo, double cx, double cy, double faceWidth, BoundingBox baseBox,
      FaceLandmarks neutralLandmarks, BoundingBox neutralBox) {
    this.photo = photo;
    this.cx = cx;
    this.cy = cy;
    this.faceWidth = faceWidth;
    this.baseBox = baseBox;
    this.neutralLandmarks = neutralLandmarks;
    this.neutralBox = neutralBox;
  }

  /** The subject of the class comment: {@code sample3}'s face nearest (690, 468). */
  public static SyntheticLivenessFrames sample3(FaceEngine faces) {
    return of(faces, "sample3", new Point(690, 468));
  }

  /** Frames of the face in fixture {@code photoName} nearest {@code near} (pixels of the photo). */
  public static SyntheticLivenessFrames of(FaceEngine faces, String photoName, Point near) {
    BufferedImage photo;
    try {
      photo = ImageIO.read(ModelStore.atDefaultLocation().verifiedPath(photoName).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DetectedFace face = faces.analyze(Image.fromBufferedImage(photo), Set.of()).stream()
        .min(Comparator.comparingDouble(f -> f.box().centre().distanceTo(near))).orElseThrow();
    double cx = face.box().centre().x();
    double cy = face.box().centre().y();
    double width = face.box().width();
    BufferedImage base = crop(photo, cx, cy, width * BASE_CROP);
    DetectedFace inBase = single(faces, base);
    BufferedImage neutral = bump(base, inBase.box(), NEUTRAL_BUMP, false);
    DetectedFace inNeutral = single(faces, neutral);
    return new SyntheticLivenessFrames(photo, cx, cy, width, inBase.box(), inNeutral.landmarks(), inNeutral.box());
  }

  /** The frontal frame every challenge starts from and returns to. */
  public BufferedImage neutral() {
    return bump(base(), baseBox, NEUTRAL_BUMP, false);
  }

  /** A few neutral frames, then frames meeting each challenge in order, each followed by neutral frames. */
  public List<BufferedImage> meeting(List<Challenge> challenges) {
    var frames = new ArrayList<BufferedImage>();
    BufferedImage neutral = neutral();
    repeat(frames, neutral, 3);
    for (Challenge challenge : challenges) {
      switch (challenge) {
        case BLINK -> {
          repeat(frames, neutral, 2);
          repeat(frames, closedEyes(), 2);
          repeat(frames, neutral, 2);
        }
        case TURN_LEFT -> {
          repeat(frames, bump(base(), baseBox, 0.4, false), 3);
          repeat(frames, neutral, 2);
        }
        case TURN_RIGHT -> {
          repeat(frames, bump(base(), baseBox, -0.3, false), 3);
          repeat(frames, neutral, 2);
        }
        case LOOK_UP -> {
          repeat(frames, bump(neutral, neutralBox, -0.25, true), 3);
          repeat(frames, neutral, 2);
        }
        case COME_CLOSER -> {
          for (double crop : new double[] {3.2, 3.0, 2.8, 2.6, 2.4, 2.4, 2.4}) frames.add(zoomed(crop));
          for (double crop : new double[] {2.6, 2.9, 3.2}) frames.add(zoomed(crop));
          repeat(frames, neutral, 2);
        }
      }
    }
    return frames;
  }

  /**
   * A looping fake-camera video for a browser that samples a few frames per second: the same poses as
   * {@link #meeting}, each held long enough to be sampled at least twice at about 4 frames per second (neutral 0.6 s,
   * closed eyes 0.4 s, turns and look-up 0.7 s, zoom steps 0.2 s). One loop of all five challenges lasts about 9 s,
   * so with a challenge timeout above that the session meets each one whatever moment the loop is at.
   */
  public List<BufferedImage> cameraLoop(List<Challenge> challenges, int fps) {
    var frames = new ArrayList<BufferedImage>();
    BufferedImage neutral = neutral();
    hold(frames, neutral, 0.6, fps);
    for (Challenge challenge : challenges) {
      switch (challenge) {
        case BLINK -> hold(frames, closedEyes(), 0.4, fps);
        case TURN_LEFT -> hold(frames, bump(base(), baseBox, 0.4, false), 0.7, fps);
        case TURN_RIGHT -> hold(frames, bump(base(), baseBox, -0.3, false), 0.7, fps);
        case LOOK_UP -> hold(frames, bump(neutral, neutralBox, -0.25, true), 0.7, fps);
        case COME_CLOSER -> {
          for (double crop : new double[] {3.2, 3.0, 2.8, 2.6}) hold(frames, zoomed(crop), 0.2, fps);
          hold(frames, zoomed(2.4), 0.7, fps);
          for (double crop : new double[] {2.7, 3.0}) hold(frames, zoomed(crop), 0.2, fps);
        }
      }
      hold(frames, neutral, 0.6, fps);
    }
    return frames;
  }

  /** The neutral frame with both eyes painted shut. */
  public BufferedImage closedEyes() {
    BufferedImage out = copy(neutral());
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (List<Point> eye : List.of(neutralLandmarks.leftEye(), neutralLandmarks.rightEye())) {
      double x0 = eye.get(0).x();
      double x3 = eye.get(3).x();
      double ew = Math.abs(x3 - x0);
      double ey = eye.stream().mapToDouble(Point::y).average().orElseThrow();
      double ex = (x0 + x3) / 2;
      int r = 0, gr = 0, b = 0, n = 0;   // the cheek below the eye gives the lid its colour
      for (int y = (int) (ey + 0.5 * ew); y < ey + 0.8 * ew; y++) {
        for (int x = (int) (ex - 0.3 * ew); x < ex + 0.3 * ew; x++) {
          int p = out.getRGB(x, y);
          r += (p >> 16) & 255;
          gr += (p >> 8) & 255;
          b += p & 255;
          n++;
        }
      }
      g.setColor(new Color(r / n, gr / n, b / n));
      g.fill(new Ellipse2D.Double(ex - 0.65 * ew, ey - 0.45 * ew, 1.3 * ew, 0.9 * ew));
      g.setColor(new Color(Math.max(0, r / n - 90), Math.max(0, gr / n - 90), Math.max(0, b / n - 90)));
      g.setStroke(new BasicStroke((float) Math.max(1.5, ew * 0.08)));
      g.draw(new QuadCurve2D.Double(x0, ey, ex, ey + 0.25 * ew, x3, ey));
    }
    g.dispose();
    return out;
  }

  /** The neutral framing zoomed to {@code cropWidths} face widths across the frame (smaller is closer). */
  public BufferedImage zoomed(double cropWidths) {
    BufferedImage frame = crop(photo, cx, cy, faceWidth * cropWidths);
    double k = BASE_CROP / cropWidths;   // the face box scales about the frame centre, where the face is
    var box = new BoundingBox(WIDTH / 2.0 + (baseBox.left() - WIDTH / 2.0) * k,
        HEIGHT / 2.0 + (baseBox.top() - HEIGHT / 2.0) * k, WIDTH / 2.0 + (baseBox.right() - WIDTH / 2.0) * k,
        HEIGHT / 2.0 + (baseBox.bottom() - HEIGHT / 2.0) * k);
    return bump(frame, box, NEUTRAL_BUMP, false);
  }

  /** A JPEG of a frame, as a browser would send it. */
  public static byte[] jpeg(BufferedImage frame) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(frame, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedImage base() {
    return crop(photo, cx, cy, faceWidth * BASE_CROP);
  }

  private static DetectedFace single(FaceEngine faces, BufferedImage frame) {
    List<DetectedFace> found = faces.analyze(Image.fromBufferedImage(frame), Set.of(FaceAttribute.LANDMARKS));
    if (found.size() != 1) {
      throw new IllegalStateException("the synthetic frame shows " + found.size() + " faces, not one");
    }
    return found.getFirst();
  }

  /** A 4:3 window of {@code width} photo pixels centred on (cx, cy), scaled to 640x480. */
  private static BufferedImage crop(BufferedImage photo, double cx, double cy, double width) {
    double height = width * HEIGHT / WIDTH;
    var out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(photo, 0, 0, WIDTH, HEIGHT, (int) (cx - width / 2), (int) (cy - height / 2), (int) (cx + width / 2),
        (int) (cy + height / 2), null);
    g.dispose();
    return out;
  }

  /**
   * Moves the inside of the face sideways (or up/down) by {@code amount} face widths (heights) at its centre, fading
   * to nothing at 0.75 widths and 0.8 heights from it (a cos² window): the nose, eyes and mouth move while the outline
   * stays, which is how a head turn looks from the camera.
   */
  private static BufferedImage bump(BufferedImage in, BoundingBox box, double amount, boolean vertical) {
    int w = in.getWidth();
    int h = in.getHeight();
    var out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    double fx = box.centre().x();
    double fy = box.centre().y();
    double rx = box.width() * 0.75;
    double ry = box.height() * 0.8;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = (x - fx) / rx;
        double v = (y - fy) / ry;
        double r = Math.sqrt(u * u + v * v);
        double weight = r >= 1 ? 0 : Math.pow(Math.cos(r * Math.PI / 2), 2);
        if (weight == 0) {
          out.setRGB(x, y, in.getRGB(x, y));
        } else if (vertical) {
          out.setRGB(x, y, sample(in, x, y - amount * box.height() * weight, true));
        } else {
          out.setRGB(x, y, sample(in, x - amount * box.width() * weight, y, false));
        }
      }
    }
    return out;
  }

  /** Linear interpolation along one axis. */
  private static int sample(BufferedImage in, double x, double y, boolean vertical) {
    double along = vertical ? y : x;
    int limit = (vertical ? in.getHeight() : in.getWidth()) - 2;
    int i0 = Math.clamp((int) Math.floor(along), 0, limit);
    double f = Math.clamp(along - i0, 0, 1);
    int a = vertical ? in.getRGB((int) x, i0) : in.getRGB(i0, (int) y);
    int b = vertical ? in.getRGB((int) x, i0 + 1) : in.getRGB(i0 + 1, (int) y);
    int red = (int) (((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
    int green = (int) (((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
    int blue = (int) ((a & 255) * (1 - f) + (b & 255) * f);
    return red << 16 | green << 8 | blue;
  }

  private static BufferedImage copy(BufferedImage frame) {
    var out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(frame, 0, 0, null);
    g.dispose();
    return out;
  }

  private static void hold(List<BufferedImage> frames, BufferedImage frame, double seconds, int fps) {
    repeat(frames, frame, Math.max(1, (int) Math.round(seconds * fps)));
  }

  private static void repeat(List<BufferedImage> frames, BufferedImage frame, int times) {
    for (int i = 0; i < times; i++) frames.add(frame);
  }
}
