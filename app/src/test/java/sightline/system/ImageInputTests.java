package sightline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import sightline.vision.DecodePlan;
import sightline.vision.ImageRejected;
import sightline.vision.testing.HostileImage;
import sightline.vision.testing.HostileImages;

/** Limits per use, their settings (older names included), the bounded reads and the one check of each limit. */
class ImageInputTests {

  private final ImageInput defaults = new ImageInput(new MockEnvironment());

  @Test
  void eachUseHasItsOwnLimits() {
    assertThat(defaults.limits(ImageUse.FRAME)).isEqualTo(new ImageInput.Limits(300_000, 640 * 640, 640, 0));
    assertThat(defaults.limits(ImageUse.PHOTO))
        .isEqualTo(new ImageInput.Limits(10 * 1024 * 1024, 24_000_000, 0, 1920));
    assertThat(defaults.limits(ImageUse.UPLOAD))
        .isEqualTo(new ImageInput.Limits(5 * 1024 * 1024, 24_000_000, 0, 1920));
    assertThat(defaults.limits(ImageUse.PLANT_PHOTO))
        .isEqualTo(new ImageInput.Limits(10 * 1024 * 1024, 24_000_000, 0, 1920));
    assertThat(new ImageInput(new MockEnvironment().withProperty("sightline.images.plant-photo.max-bytes", "4MB"))
        .limits(ImageUse.PLANT_PHOTO).maxBytes()).isEqualTo(4 * 1024 * 1024);
  }

  @Test
  void decodesStraightToTheSizeAskedFor() {
    byte[] large = new sightline.vision.Image(2000, 1000, new byte[2000 * 1000 * 3]).toJpeg(0.8f);
    var decoded = defaults.decode(large, ImageUse.PLANT_PHOTO, 500);
    assertThat(decoded.width()).isEqualTo(500);
    assertThat(decoded.height()).isEqualTo(250);
  }

  @Test
  void newSettingNamesWinAndOlderNamesStillWork() {
    var older = new ImageInput(new MockEnvironment()
        .withProperty("sightline.face-api.max-image-size", "2MB")
        .withProperty("sightline.face-api.max-image-pixels", "1000000")
        .withProperty("sightline.biometrics.liveness.max-frame-bytes", "200000")
        .withProperty("sightline.biometrics.liveness.max-frame-side-px", "480"));
    assertThat(older.limits(ImageUse.UPLOAD)).isEqualTo(new ImageInput.Limits(2 * 1024 * 1024, 1_000_000, 0, 1920));
    assertThat(older.limits(ImageUse.FRAME)).isEqualTo(new ImageInput.Limits(200_000, 640 * 640, 480, 0));

    var both = new ImageInput(new MockEnvironment()
        .withProperty("sightline.face-api.max-image-size", "2MB")
        .withProperty("sightline.images.upload.max-bytes", "3MB")
        .withProperty("sightline.images.upload.decode-side-px", "1024"));
    assertThat(both.limits(ImageUse.UPLOAD).maxBytes()).isEqualTo(3 * 1024 * 1024);
    assertThat(both.limits(ImageUse.UPLOAD).decodeSidePx()).isEqualTo(1024);
  }

  @Test
  void readsNoMoreThanOneBytePastTheLimit() throws IOException {
    var request = new MockHttpServletRequest();
    request.setContent(new byte[1_000_000]);
    assertThat(defaults.read(request, ImageUse.FRAME)).hasSize(300_001);
    var file = new MockMultipartFile("photo", new byte[6 * 1024 * 1024]);
    assertThat(defaults.read(file, ImageUse.UPLOAD)).hasSize(5 * 1024 * 1024 + 1);
  }

  @Test
  void aFrameOverItsLimitsIsFrameTooLargeAndOtherPicturesAreRejectedByTheDecoder() throws IOException {
    byte[] wide = jpeg(800, 600);
    assertThatThrownBy(() -> defaults.decode(wide, ImageUse.FRAME)).isInstanceOf(FrameTooLarge.class);
    assertThat(defaults.decode(wide, ImageUse.PHOTO).width()).isEqualTo(800);
    assertThat(defaults.decode(jpeg(640, 480), ImageUse.FRAME).width()).isEqualTo(640);

    byte[] heavy = new byte[300_001];
    System.arraycopy(wide, 0, heavy, 0, wide.length);
    assertThatThrownBy(() -> defaults.decode(heavy, ImageUse.FRAME)).isInstanceOf(FrameTooLarge.class);
    assertThatThrownBy(() -> defaults.decode("not a picture".getBytes(), ImageUse.UPLOAD))
        .isInstanceOfSatisfying(ImageRejected.class,
            e -> assertThat(e.reason()).isEqualTo(ImageRejected.Reason.NOT_AN_IMAGE));
  }

  @Test
  void aPictureOverTheSideOrAspectLimitIsRefusedFromItsHeaderInMilliseconds() {
    // 45 KB, 23 million rows of one pixel: under the 24 MP limit; it once spent 28-57 s in resampling. And 8192 x 8.
    byte[] aspectBomb = hostile("png-aspect-bomb-1x23000000").bytes();
    byte[] flat = hostile("png-aspect-8192x8").bytes();
    for (ImageUse use : List.of(ImageUse.PHOTO, ImageUse.UPLOAD)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> defaults.decode(aspectBomb, use)).isInstanceOfSatisfying(ImageRejected.class,
          e -> assertThat(e.limit()).isEqualTo(Optional.of(ImageRejected.Limit.SIDE)));
      assertThatThrownBy(() -> defaults.decode(flat, use)).isInstanceOfSatisfying(ImageRejected.class,
          e -> assertThat(e.limit()).isEqualTo(Optional.of(ImageRejected.Limit.ASPECT_RATIO)));
      assertThat((System.nanoTime() - start) / 1e6).isLessThan(500);
    }
    assertThatThrownBy(() -> defaults.decode(aspectBomb, ImageUse.FRAME)).isInstanceOf(FrameTooLarge.class);
  }

  @Test
  void photosAndUploadsAreDecodedStraightToTheSizeFaceAnalysisReads() {
    // 186 KB of 16-bit RGBA, 4896 x 4896: inside every limit. At full size the JDK's reader held about 400 MB.
    byte[] deep = hostile("png-16-bit-rgba-4896x4896").bytes();
    DecodePlan plan = defaults.plan(deep, ImageUse.UPLOAD);
    assertThat(plan.sourceWidth()).isEqualTo(4896);
    assertThat(plan.width()).isEqualTo(1920);
    assertThat(plan.estimatedBytes()).isLessThan(32L << 20);
    var image = defaults.decode(deep, ImageUse.PHOTO);
    assertThat(image.width()).isEqualTo(1920);
    assertThat(image.height()).isEqualTo(1920);
  }

  @Test
  void everyHostileImageIsDecodedOrRefusedAsTheSetSays() {
    for (HostileImage input : HostileImages.all()) {
      try {
        defaults.decode(input.bytes(), ImageUse.PHOTO);
        assertThat(input.expected()).as(input.name()).isInstanceOf(HostileImage.Decodes.class);
      } catch (ImageRejected e) {
        assertThat(input.expected()).as(input.name()).isInstanceOf(HostileImage.Refused.class);
      }
    }
  }

  private static HostileImage hostile(String name) {
    return HostileImages.all().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static byte[] jpeg(int width, int height) throws IOException {
    var out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), "jpeg", out);
    return out.toByteArray();
  }
}
