package sightline.vision.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sightline.vision.Image;

/** End to end through ONNX Runtime, on hand-written models whose answers are known (see {@link TinyOnnxClassifier}). */
class ImageClassifierTests {

  @TempDir
  Path folder;

  static Image filled(int width, int height, int r, int g, int b) {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) g;
      rgb[i + 2] = (byte) b;
    }
    return new Image(width, height, rgb);
  }

  /** Three vertical bands of equal width: red, green, blue. */
  static Image bands(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb[3 * (y * width + x) + 3 * x / width] = (byte) 255;
      }
    }
    return new Image(width, height, rgb);
  }

  /** Softmax of {@code logits}, in double, to compare the classifier with. */
  static double[] softmax(double... logits) {
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i]);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  ImageClassifier classifier(String metadata, boolean nhwc, boolean softmax) throws IOException {
    Files.write(folder.resolve("model.onnx"), TinyOnnxClassifier.channelMeans(4, nhwc, softmax));
    Path file = folder.resolve("classifier.properties");
    Files.writeString(file, "model=model.onnx\ninput.width=4\ninput.height=4\n" + metadata);
    return ImageClassifier.load(file);
  }

  static final String RGB = "label.0=red\nlabel.1=green\nlabel.2=blue\ninput.channels=RGB\n";

  @Test
  void aRedPictureIsRedWithTheProbabilitiesOfTheSoftmax() throws IOException {
    try (var classifier = classifier(RGB + "input.layout=NCHW\ninput.resize=STRETCH\noutput=LOGITS\n", false, false)) {
      Classifications result = classifier.classify(filled(8, 6, 255, 0, 0));
      double[] expected = softmax(10, 0, 0); // default scale 1/255, mean 0, std 1: channel means 1, 0, 0
      assertThat(result.best().orElseThrow().label()).isEqualTo("red");
      assertThat(result.ranked()).extracting(Classification::label).containsExactly("red", "green", "blue");
      assertThat(result.ranked().get(0).probability()).isCloseTo((float) expected[0], within(1e-6f));
      assertThat(result.ranked().get(1).probability()).isCloseTo((float) expected[1], within(1e-6f));
      assertThat(result.topK(1).ranked()).hasSize(1);
    }
  }

  @Test
  void meanAndStandardDeviationAreAppliedPerChannel() throws IOException {
    String normalisation = "input.scale=1\ninput.mean=0,127.5,255\ninput.std=255,127.5,51\n";
    try (var classifier = classifier(RGB + "input.layout=NCHW\ninput.resize=STRETCH\noutput=LOGITS\n"
        + normalisation, false, false)) {
      // Grey 102: red (102-0)/255 = 0.4, green (102-127.5)/127.5 = -0.2, blue (102-255)/51 = -3.
      Classifications result = classifier.classify(filled(5, 5, 102, 102, 102));
      double[] expected = softmax(4, -2, -30);
      assertThat(result.probabilityOf("red").orElseThrow()).isCloseTo((float) expected[0], within(1e-6f));
      assertThat(result.probabilityOf("green").orElseThrow()).isCloseTo((float) expected[1], within(1e-6f));
      assertThat(result.probabilityOf("blue").orElseThrow()).isCloseTo((float) expected[2], within(1e-9f));
    }
  }

  @Test
  void aBgrModelGetsBlueInItsFirstChannel() throws IOException {
    String bgr = "label.0=blue\nlabel.1=green\nlabel.2=red\ninput.channels=BGR\n";
    try (var classifier = classifier(bgr + "input.layout=NCHW\ninput.resize=STRETCH\noutput=LOGITS\n", false, false)) {
      Classification best = classifier.classify(filled(4, 4, 255, 0, 0)).best().orElseThrow();
      assertThat(best.label()).isEqualTo("red");
      assertThat(best.index()).isEqualTo(2);
      assertThat(classifier.classify(filled(4, 4, 0, 0, 200)).best().orElseThrow().index()).isZero();
    }
  }

  @Test
  void anNhwcModelGetsPixelInterleavedInput() throws IOException {
    try (var classifier = classifier(RGB + "input.layout=NHWC\ninput.resize=STRETCH\noutput=LOGITS\n", true, false)) {
      assertThat(classifier.classify(filled(3, 7, 0, 255, 0)).best().orElseThrow().label()).isEqualTo("green");
      assertThat(classifier.classify(filled(3, 7, 0, 0, 255)).best().orElseThrow().label()).isEqualTo("blue");
    }
  }

  @Test
  void probabilitiesFromTheModelAreUsedAsGiven() throws IOException {
    try (var classifier = classifier(RGB + "input.layout=NCHW\ninput.resize=STRETCH\noutput=PROBABILITIES\n", false,
        true)) {
      Classifications result = classifier.classify(filled(4, 4, 51, 102, 0)); // means 0.2, 0.4, 0
      double[] expected = softmax(2, 4, 0);
      assertThat(result.ranked()).extracting(Classification::label).containsExactly("green", "red", "blue");
      assertThat(result.ranked().get(0).probability()).isCloseTo((float) expected[1], within(1e-6f));
      assertThat(result.ranked().get(2).probability()).isCloseTo((float) expected[2], within(1e-6f));
    }
  }

  @Test
  void resizeModesDecideWhatTheModelSees() throws IOException {
    String base = RGB + "input.layout=NCHW\noutput=LOGITS\n";
    Image bands = bands(12, 4); // red | green | blue, 4x4 each
    try (var stretch = classifier(base + "input.resize=STRETCH\n", false, false)) {
      // All three bands squeezed in: equal channel means, so equal probabilities.
      assertThat(stretch.classify(bands).ranked()).allSatisfy(c -> assertThat(c.probability())
          .isCloseTo(1f / 3, within(1e-4f)));
    }
    try (var crop = classifier(base + "input.resize=CENTER_CROP\n", false, false)) {
      // The centred square of a 12x4 picture is exactly the green band.
      Classifications result = crop.classify(bands);
      assertThat(result.best().orElseThrow().label()).isEqualTo("green");
      assertThat(result.best().orElseThrow().probability()).isCloseTo((float) softmax(0, 10, 0)[1], within(1e-6f));
    }
    try (var letterbox = classifier(base + "input.resize=LETTERBOX\ninput.pad=0\n", false, false)) {
      // An 8x4 red picture fills rows 1 and 2 of the 4x4 input; black bars above and below halve the red mean.
      Classifications result = letterbox.classify(filled(8, 4, 255, 0, 0));
      assertThat(result.probabilityOf("red").orElseThrow()).isCloseTo((float) softmax(5, 0, 0)[0], within(1e-6f));
    }
  }

  @Test
  void metadataThatDoesNotFitTheModelFailsAtLoadTime() throws IOException {
    assertThatThrownBy(() -> classifier(RGB + "label.3=grey\ninput.layout=NCHW\ninput.resize=STRETCH\noutput=LOGITS\n",
        false, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 labels");
    assertThatThrownBy(() -> classifier(RGB + "input.layout=NHWC\ninput.resize=STRETCH\noutput=LOGITS\n", false,
        false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NHWC");
  }
}
