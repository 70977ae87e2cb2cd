package sightline.vision.face;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.BoundingBox;
import sightline.vision.Datasets;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.model.ModelStore;
import sightline.vision.onnx.OnnxModel;

/**
 * MiniFASNet's input contract checked on data (MSU-MFSD train subjects, 15 live and 45 attack first frames; CI only):
 * with planar BGR, class 1 separates live from attack almost perfectly, and better than with RGB; classes 0 and 2
 * are attacks. Measured 2026-12-07 (AUC of the class-1 probability, live above attack): BGR V2 0.997, V1SE 0.999;
 * RGB V2 0.859, V1SE 0.930.
 */
@Tag("model")
class MiniFasNetContractTests {

  @Test
  void classOneIsLiveAndTheModelsWantBgr() throws Exception {
    Path msu = Datasets.require("antispoof/msu-mfsd-firstframes");
    var store = ModelStore.atDefaultLocation();
    List<double[]> bgr = new ArrayList<>();   // per image: live?, V2 class 1, V1SE class 1, V2 class 0 + 2
    List<double[]> rgb = new ArrayList<>();
    try (var detector = FaceAnalyzer.load(store, FaceAnalyzer.Options.detectionOnly());
         var v2 = OnnxModel.load(store, "minifasnet_v2"); var v1se = OnnxModel.load(store, "minifasnet_v1se")) {
      for (String line : Files.readAllLines(msu.resolve("labels.csv")).subList(1, 141)) {
        String[] cells = line.split(",");
        if (!cells[4].equals("train")) continue;
        Image image = ImageDecoder.withDefaults().decode(msu.resolve(cells[0]));
        BoundingBox box = detector.analyze(image).stream().max(Comparator.comparingDouble(f -> f.box().area()))
            .orElseThrow().box();
        double live = cells[1].equals("live") ? 1 : 0;
        double[] b = {live, 0, 0, 0};
        double[] r = {live, 0, 0, 0};
        for (int m = 0; m < 2; m++) {
          OnnxModel model = m == 0 ? v2 : v1se;
          BoundingBox region = PoseAndEyeCrops.livenessRegion(box, image.width(), image.height(),
              m == 0 ? PoseAndEyeCrops.MINIFASNET_V2_SCALE : PoseAndEyeCrops.MINIFASNET_V1SE_SCALE);
          float[] input = PoseAndEyeCrops.miniFasNetInput(image.rgb(), image.width(), image.height(), region);
          float[] logits = run(model, input);
          b[1 + m] = PoseAndEyeCrops.probability(logits, 1);
          if (m == 0) b[3] = PoseAndEyeCrops.probability(logits, 0) + PoseAndEyeCrops.probability(logits, 2);
          r[1 + m] = PoseAndEyeCrops.probability(run(model, swapRedAndBlue(input)), 1);
        }
        bgr.add(b);
        rgb.add(r);
      }
    }
    assertThat(bgr).hasSize(60);
    for (int m = 1; m <= 2; m++) {
      assertThat(auc(bgr, m)).as("BGR, model %d", m).isGreaterThan(0.99);
      assertThat(auc(bgr, m)).as("BGR beats RGB, model %d", m).isGreaterThan(auc(rgb, m) + 0.04);
    }
    assertThat(auc(bgr, 3)).as("classes 0 and 2 are the attacks").isLessThan(0.01);
  }

  private static float[] run(OnnxModel model, float[] input) throws OrtException {
    try (var tensor = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(input), new long[] {1, 3, 80, 80});
         var result = model.run(Map.of(model.inputShapes().keySet().iterator().next(), tensor))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] logits = new float[out.remaining()];
      out.get(logits);
      return logits;
    }
  }

  private static float[] swapRedAndBlue(float[] planar) {
    int n = planar.length / 3;
    float[] out = planar.clone();
    System.arraycopy(planar, 0, out, 2 * n, n);
    System.arraycopy(planar, 2 * n, out, 0, n);
    return out;
  }

  /** Probability that a live image's value exceeds an attack image's (ties count half). */
  private static double auc(List<double[]> rows, int column) {
    double sum = 0;
    int pairs = 0;
    for (double[] a : rows) {
      if (a[0] != 1) continue;
      for (double[] b : rows) {
        if (b[0] != 0) continue;
        sum += a[column] > b[column] ? 1 : a[column] == b[column] ? 0.5 : 0;
        pairs++;
      }
    }
    return sum / pairs;
  }
}
