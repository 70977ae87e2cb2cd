package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import sightline.vision.ImageRejected.Limit;
import sightline.vision.ImageRejected.Reason;
import sightline.vision.testing.HostileImage;
import sightline.vision.testing.HostileImages;

/**
 * Every input of the hostile-image set ends in the expected picture or refusal, within a bounded time and a
 * bounded allocation. Time bounds are seconds where a decode takes milliseconds: the CI machine is slow and shared,
 * and the bounds are there to catch work that grows with the product of sizes or with the number of scans.
 */
class HostileImagesTests {

  private static final List<HostileImage> SET = HostileImages.all();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static HostileImage named(String name) {
    return SET.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  /** Bytes allocated on this thread while running {@code work}. */
  private static long allocatedBy(Runnable work) {
    long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().threadId());
    work.run();
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
  }

  @Test
  void namesAreUniqueAndTheSetCoversEveryKindOfAttack() {
    var names = new HashSet<String>();
    for (HostileImage input : SET) {
      assertThat(names.add(input.name())).as(input.name()).isTrue();
    }
    assertThat(names).contains("empty", "png-aspect-bomb-1x23000000", "png-16-bit-rgba-4896x4896",
        "jpeg-progressive-with-5000-scans", "jpeg-followed-by-zip", "png-followed-by-html", "svg", "heic",
        "png-interlaced-rgb", "jpeg-cmyk", "jpeg-exif-orientation-8", "png-ztxt-bomb-1gb");
  }

  @Test
  void everyInputEndsAsExpectedWithinSecondsAndItsMemoryEstimate() {
    var decoder = ImageDecoder.withDefaults();
    var failures = new ArrayList<String>();
    for (HostileImage input : SET) {
      long started = System.nanoTime();
      String outcome;
      long[] estimate = {0};
      long allocated;
      try {
        Image[] image = new Image[1];
        allocated = allocatedBy(() -> {
          DecodePlan plan = decoder.plan(input.bytes());
          estimate[0] = plan.estimatedBytes();
          image[0] = plan.decode();
        });
        outcome = "decodes " + image[0].width() + "x" + image[0].height();
      } catch (ImageRejected e) {
        outcome = "refused " + e.reason();
        allocated = 0;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String expected = switch (input.expected()) {
        case HostileImage.Decodes d -> "decodes " + d.width() + "x" + d.height();
        case HostileImage.Refused r -> "refused " + r.reason();
      };
      if (!outcome.equals(expected)) {
        failures.add(input.name() + ": " + outcome + ", expected " + expected);
      }
      if (took.toSeconds() >= 10) {
        failures.add(input.name() + ": took " + took);
      }
      // Class loading on the first decode of each format allocates a few MB; the rest is the decode itself.
      if (allocated > estimate[0] + 2L * input.bytes().length + (16 << 20)) {
        failures.add(input.name() + ": allocated " + allocated + " bytes, estimated " + estimate[0]);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aPictureOfOnePixelByTwentyThreeMillionIsRefusedByItsSide() {
    // It used to decode (under 24 MP) and then hold a face-engine slot for 28-57 s while being shrunk.
    var decoder = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxPixels(24_000_000L));
    for (String name : List.of("png-aspect-bomb-1x23000000", "png-aspect-bomb-23000000x1")) {
      assertThatThrownBy(() -> decoder.plan(named(name).bytes()))
          .isInstanceOfSatisfying(ImageRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.limit()).contains(Limit.SIDE);
          });
    }
    // Within the side limit, the aspect-ratio limit refuses the same shape.
    assertThatThrownBy(() -> decoder.plan(named("png-aspect-8192x8").bytes()))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(Limit.ASPECT_RATIO));
  }

  @Test
  void aSixteenBitPngOf24MegapixelsDecodesInAQuarterOfItsFormerMemory() {
    byte[] png = named("png-16-bit-rgba-4896x4896").bytes();
    var decoder = ImageDecoder.withDefaults();
    // ImageIO allocated 336 MB for it (a 16-bit RGBA raster of 192 MB, then converted copies); the result alone
    // is 72 MB.
    long full = allocatedBy(() -> assertThat(decoder.decode(png).width()).isEqualTo(4896));
    assertThat(full).isLessThan(100L << 20);
    // Decoded for face analysis it never exists at full size.
    long small = allocatedBy(() -> assertThat(decoder.decode(png, 1920).width()).isEqualTo(1920));
    assertThat(small).isLessThan(16L << 20);
    assertThat(decoder.plan(png, 1920).estimatedBytes()).isLessThan(16L << 20);
  }

  @Test
  void aJpegOfThousandsOfScansIsRefusedBeforeDecoding() {
    // The JDK renders the whole picture once per scan: it took 14 s and allocated 4.6 GB.
    byte[] jpeg = named("jpeg-progressive-with-5000-scans").bytes();
    Assertions.assertTimeout(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> ImageDecoder.withDefaults().decode(jpeg))
            .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(Limit.SCANS))
            .hasMessageContaining("5010 scans"));
  }

  @Test
  void anOversizedUploadIsRefusedByItsByteCount() {
    HostileImage oversized = HostileImages.oversized(64 * 1024 + 1);
    var decoder = new ImageDecoder(ImageDecoder.Limits.defaults().withMaxBytes(64 * 1024));
    assertThatThrownBy(() -> decoder.decode(oversized.bytes()))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(Limit.BYTES));
    assertThatThrownBy(() -> decoder.decode(new java.io.ByteArrayInputStream(oversized.bytes())))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(Limit.BYTES));
    assertThat(ImageDecoder.withDefaults().decode(oversized.bytes()).width()).isEqualTo(16);
  }

  @Test
  void underCameraFrameLimitsEveryInputStillEndsInAPictureOrARefusal() {
    var frames = new ImageDecoder(ImageDecoder.Limits.cameraFrames());
    for (HostileImage input : SET) {
      try {
        Image image = frames.decode(input.bytes(), 640);
        assertThat(Math.max(image.width(), image.height())).as(input.name()).isLessThanOrEqualTo(640);
      } catch (ImageRejected e) {
        assertThat(e.getMessage()).as(input.name()).isNotBlank();
      }
    }
    assertThatThrownBy(() -> frames.decode(named("png-16-bit-rgba-4896x4896").bytes(), 640))
        .isInstanceOfSatisfying(ImageRejected.class, e -> assertThat(e.limit()).contains(Limit.PIXELS));
  }
}
