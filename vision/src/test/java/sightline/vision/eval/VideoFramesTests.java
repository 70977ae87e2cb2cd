package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sightline.vision.ImageDecoder;

class VideoFramesTests {

  @TempDir
  Path dir;

  private static byte[] jpeg(Color colour) throws IOException {
    var image = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
    var g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 16, 8);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  @Test
  void splitsConcatenatedJpegsInOrder() throws IOException {
    var stream = new ByteArrayOutputStream();
    stream.write(jpeg(Color.RED));
    stream.write(jpeg(Color.BLUE));
    Path clip = dir.resolve("clip.mjpeg");
    Files.write(clip, stream.toByteArray());
    try (var frames = VideoFrames.open(clip)) {
      var decoder = ImageDecoder.withDefaults();
      var first = decoder.decode(frames.next());
      var second = decoder.decode(frames.next());
      assertThat(first.width()).isEqualTo(16);
      assertThat(first.rgbAt(8, 4) >> 16 & 0xff).isGreaterThan(200);   // red
      assertThat(second.rgbAt(8, 4) & 0xff).isGreaterThan(200);         // blue
      assertThat(frames.next()).isNull();
    }
  }

  @Test
  void cutsAtMarkersAndRefusesATruncatedLastFrame() throws IOException {
    byte[] two = {0x00, (byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9, (byte) 0xFF, (byte) 0xD8, 3,
        (byte) 0xFF, (byte) 0xD9};
    var in = new ByteArrayInputStream(two);
    assertThat(VideoFrames.nextJpeg(in)).containsExactly(0xFF, 0xD8, 1, 2, 0xFF, 0xD9);
    assertThat(VideoFrames.nextJpeg(in)).containsExactly(0xFF, 0xD8, 3, 0xFF, 0xD9);
    assertThat(VideoFrames.nextJpeg(in)).isNull();
    var truncated = new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
    assertThatThrownBy(() -> VideoFrames.nextJpeg(truncated)).isInstanceOf(IOException.class);
  }
}
