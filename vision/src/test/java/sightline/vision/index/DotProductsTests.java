package sightline.vision.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DotProductsTests {

  @Test
  void dotMatchesADoublePrecisionSumForEveryLengthAndOffset() {
    var random = new Random(1);
    for (int d = 1; d <= 40; d++) {
      float[] rows = new float[3 * d + 5];
      float[] q = new float[d];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (float) random.nextGaussian();
      }
      for (int j = 0; j < d; j++) {
        q[j] = (float) random.nextGaussian();
      }
      int offset = d + 3;
      double expected = 0;
      for (int j = 0; j < d; j++) {
        expected += (double) rows[offset + j] * q[j];
      }
      assertThat((double) DotProducts.dot(rows, offset, q)).as("d=%d", d).isCloseTo(expected, within(1e-4));
    }
  }

  @Test
  void scoreColumnsReadsTheDimensionMajorLayoutAndOnlyTheFirstNTemplates() {
    // Two dimensions... five, stride 4, three templates in use; the fourth column holds garbage.
    int stride = 4;
    for (int d = 1; d <= 9; d++) {
      byte[] codes = new byte[d * stride];
      float[] q = new float[d];
      for (int j = 0; j < d; j++) {
        q[j] = j + 1;
        for (int i = 0; i < stride; i++) {
          codes[j * stride + i] = (byte) (i == 3 ? 100 : (i + 1) * (j % 2 == 0 ? 1 : -1));
        }
      }
      float[] out = {9, 9, 9, 9};
      DotProducts.scoreColumns(codes, stride, 3, q, out);
      for (int i = 0; i < 3; i++) {
        float expected = 0;
        for (int j = 0; j < d; j++) {
          expected += q[j] * (i + 1) * (j % 2 == 0 ? 1 : -1);
        }
        assertThat(out[i]).as("d=%d template %d", d, i).isEqualTo(expected);
      }
      assertThat(out[3]).as("untouched beyond n").isEqualTo(9f);
    }
  }
}
