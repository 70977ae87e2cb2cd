package sightline.vision.index;

import java.util.Arrays;

/**
 * The two inner loops of the index, as pure functions on arrays.
 *
 * <p>HotSpot's C2 does not vectorise a float sum reduction (it would reorder additions), so {@link #dot} breaks the
 * dependency chain with eight scalar accumulators instead. {@link #scoreColumns} has no reduction at all: it walks
 * a dimension-major block and adds {@code q[j] * code} into one score per template, a loop C2 does turn into SIMD
 * (byte-to-float conversion plus multiply-add) without the incubating Vector API.
 */
final class DotProducts {

  private DotProducts() {
  }

  /** {@code sum over j < q.length of rows[offset + j] * q[j]}, in float, with eight partial sums. */
  static float dot(float[] rows, int offset, float[] q) {
    int d = q.length;
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (; j + 8 <= d; j += 8) {
      int o = offset + j;
      s0 += rows[o] * q[j];
      s1 += rows[o + 1] * q[j + 1];
      s2 += rows[o + 2] * q[j + 2];
      s3 += rows[o + 3] * q[j + 3];
      s4 += rows[o + 4] * q[j + 4];
      s5 += rows[o + 5] * q[j + 5];
      s6 += rows[o + 6] * q[j + 6];
      s7 += rows[o + 7] * q[j + 7];
    }
    for (; j < d; j++) {
      s0 += rows[offset + j] * q[j];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * For each template {@code i < n} of a dimension-major block ({@code codes[j * stride + i]} is component
   * {@code j} of template {@code i}), writes {@code out[i] = sum over j of q[j] * codes[j * stride + i]}.
   *
   * <p>Four dimensions per pass: enough to amortise the read and write of {@code out} (which stays in L1), few
   * enough that C2 still vectorises the loop body; eight per pass measured ten times slower (not vectorised).
   */
  static void scoreColumns(byte[] codes, int stride, int n, float[] q, float[] out) {
    int d = q.length;
    Arrays.fill(out, 0, n, 0f);
    int j = 0;
    for (; j + 4 <= d; j += 4) {
      float q0 = q[j], q1 = q[j + 1], q2 = q[j + 2], q3 = q[j + 3];
      int o0 = j * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
      for (int i = 0; i < n; i++) {
        out[i] += q0 * codes[o0 + i] + q1 * codes[o1 + i] + q2 * codes[o2 + i] + q3 * codes[o3 + i];
      }
    }
    for (; j < d; j++) {
      float qj = q[j];
      int o = j * stride;
      for (int i = 0; i < n; i++) {
        out[i] += qj * codes[o + i];
      }
    }
  }
}
