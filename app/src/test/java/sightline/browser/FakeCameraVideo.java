package sightline.browser;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Y4M video that Chromium's fake camera plays ({@code --use-file-for-fake-video-capture}): 4:2:0
 * planar YUV with BT.601 limited-range values, which is what Chromium's Y4M reader expects.
 */
final class FakeCameraVideo {

  private FakeCameraVideo() {}

  /** The photo cropped to the frame's aspect ratio around its centre and scaled to {@code width x height}. */
  static BufferedImage frameOf(BufferedImage photo, int width, int height) {
    double aspect = (double) width / height;
    int cropWidth = photo.getWidth();
    int cropHeight = (int) Math.round(cropWidth / aspect);
    if (cropHeight > photo.getHeight()) {
      cropHeight = photo.getHeight();
      cropWidth = (int) Math.round(cropHeight * aspect);
    }
    int x = (photo.getWidth() - cropWidth) / 2;
    int y = (photo.getHeight() - cropHeight) / 2;
    var frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(photo, 0, 0, width, height, x, y, x + cropWidth, y + cropHeight, null);
    g.dispose();
    return frame;
  }

  /** Writes {@code frames} copies of {@code frame} (even width and height) at 30 fps. */
  static void write(BufferedImage frame, int frames, Path target) throws IOException {
    write(java.util.Collections.nCopies(frames, frame), 30, target);
  }

  /** Writes the frames (all of one even width and height) in order at {@code fps} frames per second. */
  static void write(java.util.List<BufferedImage> frames, int fps, Path target) throws IOException {
    int w = frames.getFirst().getWidth();
    int h = frames.getFirst().getHeight();
    if (w % 2 != 0 || h % 2 != 0) {
      throw new IllegalArgumentException("4:2:0 needs even dimensions, got " + w + "x" + h);
    }
    var converted = new java.util.IdentityHashMap<BufferedImage, byte[]>();   // repeated frames convert once
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      out.write(("YUV4MPEG2 W" + w + " H" + h + " F" + fps + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
      for (BufferedImage frame : frames) {
        if (frame.getWidth() != w || frame.getHeight() != h) {
          throw new IllegalArgumentException("every frame must be " + w + "x" + h);
        }
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(converted.computeIfAbsent(frame, FakeCameraVideo::yuv420));
      }
    }
  }

  /** One frame as planar Y, Cb, Cr (BT.601 limited range, chroma averaged over 2x2 pixels). */
  private static byte[] yuv420(BufferedImage frame) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    byte[] out = new byte[w * h * 3 / 2];
    int cbOffset = w * h;
    int crOffset = cbOffset + w * h / 4;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = frame.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        out[y * w + x] = (byte) clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
      }
    }
    for (int y = 0; y < h; y += 2) {
      for (int x = 0; x < w; x += 2) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int rgb = frame.getRGB(x + dx, y + dy);
            r += ((rgb >> 16) & 0xff) / 4.0;
            g += ((rgb >> 8) & 0xff) / 4.0;
            b += (rgb & 0xff) / 4.0;
          }
        }
        int i = (y / 2) * (w / 2) + x / 2;
        out[cbOffset + i] = (byte) clamp(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
        out[crOffset + i] = (byte) clamp(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
      }
    }
    return out;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
