package sightline.vision.classify;

import java.util.Arrays;
import sightline.vision.Image;
import sightline.vision.classify.ClassifierMetadata.Layout;

/**
 * Pre-processing: an {@link Image} becomes the model's input tensor as its {@link ClassifierMetadata} describes.
 * Pure functions on arrays.
 */
final class ClassifierInput {

  private ClassifierInput() {
  }

  /** The input tensor's values, in the metadata's layout; {@code 3 * width * height} floats. */
  static float[] tensor(Image image, ClassifierMetadata metadata) {
    return normalise(fit(image, metadata), metadata);
  }

  /** The picture fitted to the input size as the metadata's resize mode says: float RGB, 0..255, interleaved. */
  static float[] fit(Image image, ClassifierMetadata m) {
    int tw = m.width();
    int th = m.height();
    int sw = image.width();
    int sh = image.height();
    byte[] rgb = image.rgb();
    float[] fitted = new float[tw * th * 3];
    switch (m.resize()) {
      case STRETCH -> Resampling.resample(rgb, sw, sh, 0, 0, sw, sh, fitted, tw, 0, 0, tw, th);
      case CENTER_CROP -> {
        double aspect = (double) tw / th;
        double cropWidth = (double) sw / sh > aspect ? sh * aspect : sw;
        double cropHeight = cropWidth / aspect;
        cropWidth *= m.crop();
        cropHeight *= m.crop();
        Resampling.resample(rgb, sw, sh, (sw - cropWidth) / 2, (sh - cropHeight) / 2, cropWidth, cropHeight,
            fitted, tw, 0, 0, tw, th);
      }
      case LETTERBOX -> {
        double factor = Math.min((double) tw / sw, (double) th / sh);
        int dw = Math.max(1, Math.min(tw, (int) Math.round(sw * factor)));
        int dh = Math.max(1, Math.min(th, (int) Math.round(sh * factor)));
        Arrays.fill(fitted, m.pad());
        Resampling.resample(rgb, sw, sh, 0, 0, sw, sh, fitted, tw, (tw - dw) / 2, (th - dh) / 2, dw, dh);
      }
    }
    return fitted;
  }

  /** {@code (sample * scale - mean[k]) / std[k]} per model channel {@code k}, laid out as the model wants. */
  static float[] normalise(float[] fittedRgb, ClassifierMetadata m) {
    int pixels = m.width() * m.height();
    float[] out = new float[pixels * 3];
    boolean bgr = m.channelOrder() == ClassifierMetadata.ChannelOrder.BGR;
    boolean planar = m.layout() == Layout.NCHW;
    for (int k = 0; k < 3; k++) {
      // Model channel k holds red, green, blue for RGB; blue, green, red for BGR.
      int source = bgr ? 2 - k : k;
      float multiply = m.scale() / m.std().get(k);
      float subtract = m.mean().get(k) / m.std().get(k);
      for (int p = 0; p < pixels; p++) {
        float value = fittedRgb[3 * p + source] * multiply - subtract;
        out[planar ? k * pixels + p : 3 * p + k] = value;
      }
    }
    return out;
  }
}
