package sightline.vision.eval;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the frames of a clip as JPEG byte arrays, in order. An {@code .mjpeg} file (concatenated JPEGs, as
 * ffmpeg's {@code -f mjpeg} writes and Chromium's fake camera plays) is split in Java. Any other video is piped
 * through {@code ffmpeg} when it is on the PATH, every decoded frame passed through once ({@code -fps_mode
 * passthrough}: no frame dropped or repeated, so frame {@code i} matches label line {@code i}).
 *
 * <p>Not thread-safe; use one reader per clip, in try-with-resources.
 */
public final class VideoFrames implements AutoCloseable {

  private final InputStream in;
  private final Process ffmpeg;

  private VideoFrames(InputStream in, Process ffmpeg) {
    this.in = in;
    this.ffmpeg = ffmpeg;
  }

  /** Whether {@code ffmpeg} can be started from the PATH. */
  static boolean ffmpegAvailable() {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Opens a clip.
   *
   * @throws IllegalStateException when the clip is not MJPEG and ffmpeg is not on the PATH
   */
  public static VideoFrames open(Path clip) {
    try {
      if (clip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mjpeg")) {
        return new VideoFrames(new BufferedInputStream(Files.newInputStream(clip), 1 << 16), null);
      }
      if (!ffmpegAvailable()) {
        throw new IllegalStateException("reading " + clip.getFileName() + " needs ffmpeg on the PATH");
      }
      Process p = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", clip.toString(),
          "-map", "0:v:0", "-fps_mode", "passthrough", "-q:v", "2", "-f", "mjpeg", "-"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return new VideoFrames(new BufferedInputStream(p.getInputStream(), 1 << 16), p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + clip, e);
    }
  }

  /** The next frame's JPEG bytes, or null at the end of the clip. */
  public byte[] next() {
    try {
      return nextJpeg(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a frame", e);
    }
  }

  /**
   * Reads one JPEG from a stream of concatenated JPEGs: from a start-of-image marker {@code FF D8} to the next
   * end-of-image marker {@code FF D9}. Inside entropy-coded data a {@code FF} byte is always followed by {@code 00}
   * or a restart marker, so {@code FF D9} cannot occur there. Returns null when the stream ends before a new image.
   */
  static byte[] nextJpeg(InputStream in) throws IOException {
    int previous = -1;
    int b;
    while ((b = in.read()) >= 0) {
      if (previous == 0xFF && b == 0xD8) break;
      previous = b;
    }
    if (b < 0) return null;
    var out = new ByteArrayOutputStream(64 * 1024);
    out.write(0xFF);
    out.write(0xD8);
    previous = -1;
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (previous == 0xFF && b == 0xD9) return out.toByteArray();
      previous = b;
    }
    throw new IOException("the last frame is truncated (" + out.size() + " bytes without an end-of-image marker)");
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // Closing a read-only stream: nothing to recover.
    }
    if (ffmpeg != null) ffmpeg.destroy();
  }
}
