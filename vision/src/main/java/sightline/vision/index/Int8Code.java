package sightline.vision.index;

/**
 * A unit vector {@code t} quantised to signed bytes: {@code t ~ scale * codes}, with a guaranteed bound on how far
 * any approximate score can be from the exact one.
 *
 * <p>For a unit query {@code q}, Cauchy-Schwarz gives {@code |q.t - scale * q.codes| <= ||t - scale * codes||}, the
 * residual norm, computed here in double. {@link #bound} adds a slack for float rounding: both the approximate
 * score ({@link DotProducts#scoreColumns}, at most {@code d/4 + 4} roundings deep) and the exact rescoring
 * ({@link DotProducts#dot}, at most {@code d/8 + 8} deep) are within {@code (d/4 + 8) * 2^-24 * ||t~||} of the
 * real value; the slack takes {@code (d + 8) * 2^-24 * ||t~|| + 1e-6}, about four times that, so the pruning in
 * {@link EmbeddingIndex} never drops a template whose float score belongs in the answer.
 *
 * @param codes one byte per component, in {@code [-127, 127]}
 * @param scale the value of one code step
 * @param bound the most the approximate score may differ from the exact float score, for any unit query
 */
record Int8Code(byte[] codes, float scale, float bound) {

  static Int8Code of(float[] unit) {
    int d = unit.length;
    float max = 0f;
    for (float v : unit) {
      max = Math.max(max, Math.abs(v));
    }
    // max > 0 for a unit vector; 127 rather than 128 keeps the range symmetric.
    float scale = max / 127f;
    byte[] codes = new byte[d];
    double residual = 0;
    double norm = 0;
    for (int j = 0; j < d; j++) {
      int c = Math.round(unit[j] / scale);
      c = Math.max(-127, Math.min(127, c));
      codes[j] = (byte) c;
      double approx = (double) scale * c;
      double e = unit[j] - approx;
      residual += e * e;
      norm += approx * approx;
    }
    double slack = (d + 8) * 0x1p-24 * Math.sqrt(norm) + 1e-6;
    float bound = Math.nextUp((float) (Math.sqrt(residual) + slack));
    return new Int8Code(codes, scale, bound);
  }
}
