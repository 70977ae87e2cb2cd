package sightline.vision.face;

/**
 * Pixel resampling on interleaved 8-bit RGB arrays ({@code 3 * (y * width + x)}), producing interleaved float
 * RGB in 0–255. Pure functions; package-private.
 */
final class Resampling {

  private Resampling() {
  }

  /**
   * Resizes the rectangle {@code [x0, x0 + cw) x [y0, y0 + ch)} (source pixels, may extend past the image) to
   * {@code outW x outH}. Uses OpenCV's bilinear convention (pixel centres at {@code +0.5}) as the models' training
   * code did; when one output pixel covers more than two source pixels in a direction it takes the mean of the
   * covered pixels instead, so that a 1920-pixel photo shrunk for the detector does not alias. Outside the image
   * the edge pixels repeat.
   */
  static float[] resize(byte[] rgb, int w, int h, double x0, double y0, double cw, double ch, int outW, int outH) {
    float[] out = new float[outW * outH * 3];
    double sx = cw / outW;
    double sy = ch / outH;
    if (sx > 2 || sy > 2) {
      areaResize(rgb, w, h, x0, y0, sx, sy, outW, outH, out);
      return out;
    }
    for (int oy = 0; oy < outH; oy++) {
      double fy = y0 + (oy + 0.5) * sy - 0.5;
      int iy = (int) Math.floor(fy);
      float dy = (float) (fy - iy);
      int yA = clamp(iy, h);
      int yB = clamp(iy + 1, h);
      for (int ox = 0; ox < outW; ox++) {
        double fx = x0 + (ox + 0.5) * sx - 0.5;
        int ix = (int) Math.floor(fx);
        float dx = (float) (fx - ix);
        int xA = clamp(ix, w);
        int xB = clamp(ix + 1, w);
        int p00 = 3 * (yA * w + xA), p01 = 3 * (yA * w + xB), p10 = 3 * (yB * w + xA), p11 = 3 * (yB * w + xB);
        int o = 3 * (oy * outW + ox);
        for (int c = 0; c < 3; c++) {
          float top = (rgb[p00 + c] & 0xff) + dx * ((rgb[p01 + c] & 0xff) - (rgb[p00 + c] & 0xff));
          float bottom = (rgb[p10 + c] & 0xff) + dx * ((rgb[p11 + c] & 0xff) - (rgb[p10 + c] & 0xff));
          out[o + c] = top + dy * (bottom - top);
        }
      }
    }
    return out;
  }

  private static void areaResize(byte[] rgb, int w, int h, double x0, double y0, double sx, double sy, int outW,
      int outH, float[] out) {
    for (int oy = 0; oy < outH; oy++) {
      int ya = (int) Math.floor(y0 + oy * sy);
      int yb = Math.max(ya + 1, (int) Math.ceil(y0 + (oy + 1) * sy));
      for (int ox = 0; ox < outW; ox++) {
        int xa = (int) Math.floor(x0 + ox * sx);
        int xb = Math.max(xa + 1, (int) Math.ceil(x0 + (ox + 1) * sx));
        float r = 0, g = 0, b = 0;
        for (int y = ya; y < yb; y++) {
          int row = clamp(y, h) * w;
          for (int x = xa; x < xb; x++) {
            int p = 3 * (row + clamp(x, w));
            r += rgb[p] & 0xff;
            g += rgb[p + 1] & 0xff;
            b += rgb[p + 2] & 0xff;
          }
        }
        float n = (float) (yb - ya) * (xb - xa);
        int o = 3 * (oy * outW + ox);
        out[o] = r / n;
        out[o + 1] = g / n;
        out[o + 2] = b / n;
      }
    }
  }

  /**
   * Affine warp: output pixel {@code (u, v)} takes the bilinear sample at {@code inverse * (u, v, 1)} of the source,
   * with integer pixel coordinates as OpenCV's {@code warpAffine} uses them, and black outside the image (its
   * default border, which the embedding model was trained with).
   *
   * @param inverse 2x3 row-major matrix from output to source coordinates
   */
  static float[] warp(byte[] rgb, int w, int h, double[] inverse, int outW, int outH) {
    float[] out = new float[outW * outH * 3];
    for (int v = 0; v < outH; v++) {
      for (int u = 0; u < outW; u++) {
        double fx = inverse[0] * u + inverse[1] * v + inverse[2];
        double fy = inverse[3] * u + inverse[4] * v + inverse[5];
        int ix = (int) Math.floor(fx);
        int iy = (int) Math.floor(fy);
        float dx = (float) (fx - ix);
        float dy = (float) (fy - iy);
        int o = 3 * (v * outW + u);
        for (int c = 0; c < 3; c++) {
          float p00 = pixel(rgb, w, h, ix, iy, c);
          float p01 = pixel(rgb, w, h, ix + 1, iy, c);
          float p10 = pixel(rgb, w, h, ix, iy + 1, c);
          float p11 = pixel(rgb, w, h, ix + 1, iy + 1, c);
          float top = p00 + dx * (p01 - p00);
          float bottom = p10 + dx * (p11 - p10);
          out[o + c] = top + dy * (bottom - top);
        }
      }
    }
    return out;
  }

  private static float pixel(byte[] rgb, int w, int h, int x, int y, int c) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : rgb[3 * (y * w + x) + c] & 0xff;
  }

  /** Interleaved float RGB to grey with ITU-R BT.601 luma weights, values stay in 0–255. */
  static float[] grey(float[] rgb) {
    float[] out = new float[rgb.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.299f * rgb[3 * i] + 0.587f * rgb[3 * i + 1] + 0.114f * rgb[3 * i + 2];
    }
    return out;
  }

  /** Interleaved float RGB (HWC) to planar (CHW) with {@code (v - mean) / scale} per value. */
  static float[] planar(float[] rgb, float mean, float scale) {
    int n = rgb.length / 3;
    float[] out = new float[rgb.length];
    for (int i = 0; i < n; i++) {
      out[i] = (rgb[3 * i] - mean) / scale;
      out[n + i] = (rgb[3 * i + 1] - mean) / scale;
      out[2 * n + i] = (rgb[3 * i + 2] - mean) / scale;
    }
    return out;
  }

  private static int clamp(int v, int size) {
    return v < 0 ? 0 : v >= size ? size - 1 : v;
  }
}
