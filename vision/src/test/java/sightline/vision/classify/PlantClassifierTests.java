package sightline.vision.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.classify.RejectRule.Reason;
import sightline.vision.model.ModelStore;

/** The bundled plant-disease classifier (trained by {@code ./sightline train-plants}) on pictures made here. */
@Tag("model")
class PlantClassifierTests {

  static final List<String> LABELS = List.of("apple_apple_scab", "apple_black_rot", "apple_cedar_apple_rust",
      "apple_healthy", "background_without_leaves", "blueberry_healthy", "corn_cercospora_leaf_spot_gray_leaf_spot",
      "corn_common_rust", "corn_northern_leaf_blight", "corn_healthy", "orange_haunglongbing_citrus_greening",
      "pepper_bell_bacterial_spot", "pepper_bell_healthy", "raspberry_healthy", "strawberry_leaf_scorch",
      "strawberry_healthy");

  private static ModelStore store;
  private static ImageClassifier classifier;

  @BeforeAll
  static void load() {
    store = ModelStore.atDefaultLocation();
    store.verifiedPath("plant_disease");
    classifier = ImageClassifier.load(store.verifiedPath("plant_disease_metadata"));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void theMetadataMatchesTheModelItShipsWith() {
    ClassifierMetadata m = classifier.metadata();   // loading already checked input shape and label count
    assertThat(m.labels()).containsExactlyElementsOf(LABELS);
    assertThat(m.width()).isEqualTo(m.height()).isBetween(96, 224);
    assertThat(m.resize()).isEqualTo(ClassifierMetadata.ResizeMode.STRETCH);
    assertThat(m.reject().labels()).containsExactly("background_without_leaves");
    assertThat(m.reject().minProbability()).isBetween(0f, 0.95f);
    assertThat(m.reject().minMargin()).isBetween(0f, 0.95f);
    // The training tool names the version after the ONNX file's SHA-256, which the manifest pins.
    String sha = store.manifest().get("plant_disease").sha256();
    assertThat(m.version()).startsWith("pv16-").endsWith(sha.substring(0, 12));
  }

  @Test
  void blankAndRandomPicturesAreNotALeaf() {
    var random = new SplittableRandom(5);
    List<Image> pictures = List.of(flat(0, 0, 0), flat(255, 255, 255), flat(128, 128, 128), flat(40, 140, 50),
        noise(random, false), noise(random, true), noise(random, false));
    for (Image picture : pictures) {
      Classifications result = classifier.classify(picture);
      assertThat(classifier.metadata().reject().reasonToReject(result))
          .as("%s gave %s", picture, result.topK(3)).isPresent();
    }
  }

  @Test
  void aDrawnLeafOnAGreyBoardIsALeafNotTheBackground() {
    Image leaf = ImageDecoder.withDefaults().decode(drawnLeaf().toJpeg(0.9f));
    Classifications result = classifier.classify(leaf);
    assertThat(result.best().orElseThrow().label()).as("%s", result.topK(5))
        .isNotEqualTo("background_without_leaves");
    // A plain green leaf without spots is either healthy or "not sure", never a confident disease.
    var reason = classifier.metadata().reject().reasonToReject(result);
    if (reason.isEmpty()) {
      assertThat(result.best().orElseThrow().label()).as("%s", result.topK(5)).endsWith("_healthy");
    } else {
      assertThat(reason).contains(Reason.LOW_PROBABILITY).as("%s", result.topK(5));
    }
  }

  static Image flat(int r, int g, int b) {
    byte[] rgb = new byte[256 * 192 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) g;
      rgb[i + 2] = (byte) b;
    }
    return new Image(256, 192, rgb);
  }

  static Image noise(SplittableRandom random, boolean grey) {
    byte[] rgb = new byte[256 * 256 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      int v = random.nextInt(256);
      rgb[i] = (byte) v;
      rgb[i + 1] = (byte) (grey ? v : random.nextInt(256));
      rgb[i + 2] = (byte) (grey ? v : random.nextInt(256));
    }
    return new Image(256, 256, rgb);
  }

  /** A 256x256 lab-style photo: one smooth green leaf with a midrib and side veins on a mid-grey board. */
  static Image drawnLeaf() {
    var picture = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
    var g = picture.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(132, 128, 126), 256, 256, new Color(104, 100, 98)));
    g.fillRect(0, 0, 256, 256);
    var blade = new GeneralPath();
    blade.moveTo(128, 20);
    blade.curveTo(205, 70, 210, 170, 128, 236);
    blade.curveTo(46, 170, 51, 70, 128, 20);
    g.setPaint(new java.awt.GradientPaint(60, 40, new Color(70, 130, 45), 190, 220, new Color(45, 100, 30)));
    g.fill(blade);
    g.setColor(new Color(120, 160, 80));
    g.setStroke(new BasicStroke(3f));
    g.drawLine(128, 24, 128, 250);
    g.setStroke(new BasicStroke(1.5f));
    for (int y = 60; y <= 200; y += 20) {
      g.drawLine(128, y, 90, y - 22);
      g.drawLine(128, y, 166, y - 22);
    }
    g.dispose();
    return Image.fromBufferedImage(picture);
  }
}
