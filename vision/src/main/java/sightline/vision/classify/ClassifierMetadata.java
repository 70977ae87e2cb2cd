package sightline.vision.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What an image classifier expects and returns: its labels, its input tensor (size, layout, channel order,
 * normalisation) and how to fit a picture of another shape into it. Usually read from a metadata file next to the
 * model; see {@link #read(Path)} for the format. Immutable.
 *
 * <p>Each input value is {@code (pixel * scale - mean[k]) / std[k]}, where {@code pixel} is the 8-bit sample
 * ({@code 0..255}) and {@code k} the model's channel index: {@code mean} and {@code std} are listed in the model's
 * channel order (for a BGR model, blue first). ImageNet-style models use {@code scale = 1/255}, {@code mean =
 * 0.485,0.456,0.406}, {@code std = 0.229,0.224,0.225}; models that take raw pixels use {@code scale = 1},
 * {@code mean = 0}, {@code std = 1}.
 *
 * @param labels class names in the order of the model's output, at least one
 * @param width input width in pixels
 * @param height input height in pixels
 * @param layout order of the input tensor's dimensions
 * @param channelOrder which colour the model's first channel holds
 * @param scale factor applied to each 8-bit sample before the mean is subtracted, positive
 * @param mean three values, in the model's channel order
 * @param std three positive values, in the model's channel order
 * @param resize how a picture of another size or shape becomes {@code width x height}
 * @param crop for {@link ResizeMode#CENTER_CROP}: the share of the largest centred region of the input's aspect
 *     ratio that is kept, in {@code (0, 1]}; 0.875 reproduces "resize to 256, centre-crop 224"
 * @param pad for {@link ResizeMode#LETTERBOX}: the 8-bit sample value of the bars, {@code 0..255}
 * @param output whether the model's output is logits (softmax is applied) or already probabilities
 * @param version the model's version as its maker names it (store it with every result), empty when not given
 * @param reject when an answer should be "not one of mine / not sure" instead of the best class
 */
public record ClassifierMetadata(List<String> labels, int width, int height, Layout layout,
    ChannelOrder channelOrder, float scale, List<Float> mean, List<Float> std, ResizeMode resize, float crop,
    int pad, Output output, String version, RejectRule reject) {

  /** Dimension order of the input tensor; the batch dimension is always 1. */
  public enum Layout {
    /** {@code [1, 3, height, width]}: all of channel 0, then channel 1, then channel 2 (PyTorch exports). */
    NCHW,
    /** {@code [1, height, width, 3]}: the channels of each pixel together (TensorFlow/Keras exports). */
    NHWC
  }

  /** Colour of the model's channels, first to last. */
  public enum ChannelOrder {
    RGB,
    /** Caffe and OpenCV-trained models. */
    BGR
  }

  /** How a picture is fitted to the model's input size. Resampling is a triangle (bilinear) filter, widened when
   * shrinking so every source pixel counts (antialiased, like Pillow's bilinear resize). */
  public enum ResizeMode {
    /** Scale each axis independently to fill the input; the aspect ratio may change. */
    STRETCH,
    /** Keep the aspect ratio: cut the centred region of the input's shape (times {@code crop}), then scale it. */
    CENTER_CROP,
    /** Keep the aspect ratio: scale the whole picture to fit inside, centred, with bars of {@code pad}. */
    LETTERBOX
  }

  /** What the model's output holds. */
  public enum Output {
    /** Unnormalised scores; probabilities are their softmax. */
    LOGITS,
    /** Probabilities already (the model ends in softmax); used as given. */
    PROBABILITIES
  }

  private static final Set<String> KEYS = Set.of("model", "version", "input.width", "input.height", "input.layout",
      "input.channels", "input.scale", "input.mean", "input.std", "input.resize", "input.crop", "input.pad",
      "output", "reject.labels", "reject.min-probability", "reject.min-margin");

  public ClassifierMetadata {
    labels = List.copyOf(labels);
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reject, "reject");
    for (String label : reject.labels()) {
      if (!labels.contains(label)) {
        throw new IllegalArgumentException("reject.labels names " + label + ", which is not one of the labels");
      }
    }
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(channelOrder, "channelOrder");
    Objects.requireNonNull(resize, "resize");
    Objects.requireNonNull(output, "output");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a classifier needs at least one label");
    }
    if (width < 1 || height < 1 || (long) width * height > 16_777_216) {
      throw new IllegalArgumentException("input size must be between 1x1 and 16 megapixels, was " + width + "x"
          + height);
    }
    if (!(scale > 0f) || !Float.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, was " + scale);
    }
    if (mean.size() != 3 || std.size() != 3) {
      throw new IllegalArgumentException("mean and std need three values each (one per channel), were " + mean
          + " and " + std);
    }
    for (int k = 0; k < 3; k++) {
      if (!Float.isFinite(mean.get(k)) || !(std.get(k) > 0f) || !Float.isFinite(std.get(k))) {
        throw new IllegalArgumentException("mean must be finite and std positive, were " + mean + " and " + std);
      }
    }
    if (!(crop > 0f && crop <= 1f)) {
      throw new IllegalArgumentException("crop must be in (0, 1], was " + crop);
    }
    if (pad < 0 || pad > 255) {
      throw new IllegalArgumentException("pad must be in [0, 255], was " + pad);
    }
  }

  /** Metadata without a version or a reject rule ({@link RejectRule#none()}). */
  public ClassifierMetadata(List<String> labels, int width, int height, Layout layout, ChannelOrder channelOrder,
      float scale, List<Float> mean, List<Float> std, ResizeMode resize, float crop, int pad, Output output) {
    this(labels, width, height, layout, channelOrder, scale, mean, std, resize, crop, pad, output, "",
        RejectRule.none());
  }

  /**
   * Reads a metadata file: Java properties in UTF-8. Unknown keys are refused, so a typo cannot silently fall
   * back to a default.
   * <pre>
   * model=plant-disease.onnx          # the model file, relative to this file (used by ImageClassifier.load)
   * label.0=Apple scab                # one key per class, numbered from 0 in the model's output order
   * label.1=Healthy
   * input.width=224                   # required
   * input.height=224                  # required
   * input.layout=NCHW                 # required: NCHW or NHWC
   * input.channels=RGB                # required: RGB or BGR
   * input.resize=CENTER_CROP          # required: STRETCH, CENTER_CROP or LETTERBOX
   * output=LOGITS                     # required: LOGITS or PROBABILITIES
   * input.scale=0.00392156862745098   # default 1/255
   * input.mean=0.485,0.456,0.406      # default 0,0,0; model channel order
   * input.std=0.229,0.224,0.225       # default 1,1,1; model channel order
   * input.crop=0.875                  # default 1
   * input.pad=0                       # default 0
   * version=pv16-leafnet16-128-3304…   # optional: the model's version, to store with each result
   * reject.labels=background           # optional, comma-separated: classes that mean "not one of mine"
   * reject.min-probability=0.5         # optional, default 0: a best class below this is "not sure"
   * reject.min-margin=0.2              # optional, default 0: a lead over the second class below this is "not sure"
   * </pre>
   *
   * @throws IllegalArgumentException naming the key, when a value is missing or invalid
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ClassifierMetadata read(Path file) {
    return fromProperties(load(file));
  }

  static Properties load(Path file) {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classifier metadata " + file, e);
    }
    return properties;
  }

  /** The metadata in {@code properties}, in the format of {@link #read(Path)}. */
  public static ClassifierMetadata fromProperties(Properties properties) {
    var labels = new TreeMap<Integer, String>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("label.")) {
        int index;
        try {
          index = Integer.parseInt(key.substring("label.".length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("label keys are label.0, label.1, ...; found " + key);
        }
        labels.put(index, properties.getProperty(key).strip());
      } else if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key in classifier metadata: " + key);
      }
    }
    if (labels.isEmpty() || labels.firstKey() != 0 || labels.lastKey() != labels.size() - 1) {
      throw new IllegalArgumentException("labels must be numbered label.0 to label.N without gaps, found "
          + labels.keySet());
    }
    return new ClassifierMetadata(new ArrayList<>(labels.values()),
        integer(properties, "input.width", null), integer(properties, "input.height", null),
        choice(properties, "input.layout", Layout.class), choice(properties, "input.channels", ChannelOrder.class),
        number(properties, "input.scale", 1f / 255f), triple(properties, "input.mean", 0f),
        triple(properties, "input.std", 1f), choice(properties, "input.resize", ResizeMode.class),
        number(properties, "input.crop", 1f), integer(properties, "input.pad", 0),
        choice(properties, "output", Output.class), properties.getProperty("version", "").strip(),
        new RejectRule(list(properties, "reject.labels"), number(properties, "reject.min-probability", 0f),
            number(properties, "reject.min-margin", 0f)));
  }

  private static Set<String> list(Properties properties, String key) {
    var values = new java.util.LinkedHashSet<String>();
    for (String part : properties.getProperty(key, "").split(",")) {
      if (!part.isBlank()) {
        values.add(part.strip());
      }
    }
    return values;
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("classifier metadata needs " + key);
    }
    return value.strip();
  }

  private static int integer(Properties properties, String key, @Nullable Integer fallback) {
    if (fallback != null && properties.getProperty(key) == null) {
      return fallback;
    }
    String value = required(properties, key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
    }
  }

  private static float number(Properties properties, String key, float fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Float.parseFloat(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
    }
  }

  private static List<Float> triple(Properties properties, String key, float fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return List.of(fallback, fallback, fallback);
    }
    var values = new ArrayList<Float>();
    for (String part : value.split(",")) {
      try {
        values.add(Float.parseFloat(part.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be three numbers separated by commas, was '" + value + "'");
      }
    }
    if (values.size() != 3) {
      throw new IllegalArgumentException(key + " must be three numbers separated by commas, was '" + value + "'");
    }
    return values;
  }

  private static <E extends Enum<E>> E choice(Properties properties, String key, Class<E> type) {
    String value = required(properties, key);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be one of " + List.of(type.getEnumConstants()) + ", was '"
          + value + "'");
    }
  }
}
