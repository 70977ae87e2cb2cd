package sightline.engagement;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import sightline.Datasets;
import sightline.vision.eval.VideoFrames;

/**
 * Camera frames recorded from the shared datasets, as the student's page sends them (JPEG, at most 640 px): a person
 * looking at the camera (focus-blink-webcam mahie, 640x480), a woman looking up and away (Intel head-pose female,
 * frames 0–18, labelled away), and an empty scene (a plain wall, made here).
 */
public final class RecordedFrames {

  public static final String MAHIE = "video/focus-blink-webcam/mahie_test_1_first300frames_640x480.mjpeg";
  public static final String FEMALE = "video/intel-headpose-gifs/head-pose-face-detection-female_480x270_30fps.mjpeg";

  private RecordedFrames() {
  }

  /** Every {@code step}-th frame of the mahie clip's first 300 (she faces the camera; a few frames are blinks). */
  public static List<byte[]> attentive(int step) {
    return frames(Datasets.require("video/focus-blink-webcam").resolve(Path.of(MAHIE).getFileName()), 0, 299, step);
  }

  /** Frames 0–18 of the Intel female clip: looking up and to the image's left. */
  public static List<byte[]> lookingAway() {
    return frames(Datasets.require("video/intel-headpose-gifs").resolve(Path.of(FEMALE).getFileName()), 0, 18, 1);
  }

  /** A plain wall, 640x480: nobody in view. */
  public static byte[] emptyScene() {
    var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0xC8C2B8), 640, 480, new Color(0x9A948A)));
    g.fillRect(0, 0, 640, 480);
    g.dispose();
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<byte[]> frames(Path clip, int first, int last, int step) {
    List<byte[]> out = new ArrayList<>();
    try (var frames = VideoFrames.open(clip)) {
      byte[] frame;
      for (int i = 0; i <= last && (frame = frames.next()) != null; i++) {
        if (i >= first && (i - first) % step == 0) {
          out.add(frame);
        }
      }
    }
    return out;
  }
}
