package sightline.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sightline.vision.Image;

class NonLeafImagesTests {

  @Test
  void theSameSeedMakesTheSamePicturesOfEveryKind() {
    var first = NonLeafImages.generate(4, 7);
    var again = NonLeafImages.generate(4, 7);
    assertThat(first.keySet()).containsExactly("flat colour", "white noise", "grey noise", "gradient", "smooth noise");
    first.forEach((kind, images) -> {
      assertThat(images).hasSize(4);
      assertThat(images).isEqualTo(again.get(kind));
      images.forEach(i -> assertThat(i.width()).isEqualTo(320));
    });
    assertThat(NonLeafImages.generate(4, 8).get("white noise")).isNotEqualTo(first.get("white noise"));
  }

  @Test
  void blanksComeFirstAndGreyNoiseIsGrey() {
    List<Image> flats = NonLeafImages.generate(3, 1).get("flat colour");
    assertThat(flats.get(0).rgbAt(10, 10)).isEqualTo(0x000000);
    assertThat(flats.get(1).rgbAt(300, 200)).isEqualTo(0xffffff);
    assertThat(flats.get(2).rgbAt(0, 0)).isEqualTo(0x808080);
    Image grey = NonLeafImages.generate(1, 1).get("grey noise").get(0);
    int c = grey.rgbAt(5, 5);
    assertThat(c >> 16).isEqualTo((c >> 8) & 0xff).isEqualTo(c & 0xff);
  }
}
