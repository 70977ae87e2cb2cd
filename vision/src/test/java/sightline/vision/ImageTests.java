package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageTests {

  @Test
  void encodesAJpegThatDecodesBackToTheSamePicture() {
    byte[] rgb = new byte[64 * 48 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) 200;     // a flat orange survives JPEG nearly unchanged
      rgb[i + 1] = (byte) 120;
      rgb[i + 2] = (byte) 40;
    }
    Image picture = new Image(64, 48, rgb);
    byte[] jpeg = picture.toJpeg(0.9f);
    assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
    Image decoded = ImageDecoder.withDefaults().decode(jpeg);
    assertThat(decoded.width()).isEqualTo(64);
    assertThat(decoded.height()).isEqualTo(48);
    assertThat((decoded.rgbAt(32, 24) >> 16) & 0xff).isBetween(195, 205);
    assertThatThrownBy(() -> picture.toJpeg(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
