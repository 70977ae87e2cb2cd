package sightline.vision;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer: whatever the bytes, the only outcomes are a picture of the
 * planned size or an {@link ImageRejected}. Any other exception, a hang beyond the timeout or memory beyond
 * libFuzzer's RSS limit is a finding.
 *
 * <p>In the normal test run (regression mode) each test replays its committed corpus,
 * {@code src/test/resources/sightline/vision/ImageDecoderFuzzTestsInputs/<method>/}, in seconds: small JPEG and PNG
 * seeds, the small members of the hostile-image set ({@code FuzzSeeds} writes them) and every finding so far. To
 * fuzz (one test per JVM), see vision/README.md:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl vision test -Dtest=ImageDecoderFuzzTests#decodesOrRefuses -Djazzer.max_duration=60s}.
 * New findings are written next to the corpus, and the test fails until they are fixed; the inputs that grew the
 * coverage go to {@code vision/.cifuzz-corpus/} (not committed).
 */
class ImageDecoderFuzzTests {

  /** The default limits, with less decode memory so that a run spends its time on code paths, not on memset. */
  private static final ImageDecoder DECODER =
      new ImageDecoder(ImageDecoder.Limits.defaults().withMaxDecodeBytes(64L << 20));

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = "image-formats.dict")
  void decodesOrRefuses(byte[] data) {
    decodeOrRefuse(data);
    // A mutation inside a PNG chunk almost always breaks its CRC, and the decoder then refuses the file before
    // inflating anything; with the CRCs recomputed the mutated header and data reach the inflater, the unfiltering
    // and the conversion (as libpng's fuzzers ignore CRCs).
    byte[] fixed = withPngChecksumsFixed(data);
    if (fixed != null) {
      decodeOrRefuse(fixed);
    }
  }

  private static void decodeOrRefuse(byte[] data) {
    for (int maxSide : new int[] {Integer.MAX_VALUE, 16}) { // 16: the seeds of 64x48 are read at every 4th pixel
      DecodePlan plan;
      try {
        plan = DECODER.plan(data, maxSide);
      } catch (ImageRejected e) {
        assertThat(e.getMessage()).isNotBlank();
        return;
      }
      assertThat(plan.width()).isBetween(1, plan.sourceWidth());
      assertThat(plan.height()).isBetween(1, plan.sourceHeight());
      assertThat(plan.estimatedBytes()).isPositive();
      try {
        Image image = plan.decode();
        assertThat(image.width()).isEqualTo(plan.width());
        assertThat(image.height()).isEqualTo(plan.height());
      } catch (ImageRejected e) {
        assertThat(e.reason()).isIn(ImageRejected.Reason.CORRUPT, ImageRejected.Reason.TRUNCATED);
      }
    }
  }

  /** A copy of a PNG with every complete chunk's CRC recomputed; null when the bytes are not a PNG. */
  static byte[] withPngChecksumsFixed(byte[] data) {
    if (data.length < 8 || data[0] != (byte) 0x89 || data[1] != 'P' || data[2] != 'N' || data[3] != 'G') {
      return null;
    }
    byte[] fixed = data.clone();
    var crc = new CRC32();
    for (int pos = 8; pos + 12 <= fixed.length; ) {
      long length = ByteBuffer.wrap(fixed, pos, 4).getInt() & 0xffffffffL;
      if (pos + 12 + length > fixed.length) {
        break;
      }
      crc.reset();
      crc.update(fixed, pos + 4, 4 + (int) length);
      ByteBuffer.wrap(fixed, pos + 8 + (int) length, 4).putInt((int) crc.getValue());
      pos += 12 + (int) length;
    }
    return fixed;
  }

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = "image-formats.dict")
  void readsHeadersOrRefuses(byte[] data) {
    try {
      ImageHeader header = ImageHeader.read(data);
      assertThat(header.width()).isPositive();
      assertThat(header.height()).isPositive();
      assertThat(header.orientation()).isBetween(1, 8);
      if (header instanceof ImageHeader.Jpeg jpeg) {
        assertThat(jpeg.scans()).isPositive();
        assertThat(jpeg.blocks()).isPositive();
      }
    } catch (ImageRejected e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
