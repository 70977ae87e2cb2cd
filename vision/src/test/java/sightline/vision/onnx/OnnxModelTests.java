package sightline.vision.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sightline.vision.model.ModelStore;

@Tag("model")
class OnnxModelTests {

  @Test
  void loadsTheDetectorByManifestNameAndRunsIt() throws Exception {
    try (var detector = OnnxModel.load(ModelStore.atDefaultLocation(), "fr_detect")) {
      String input = detector.inputShapes().keySet().iterator().next();
      assertThat(detector.inputShapes().get(input)).containsExactly(1, 3, 240, 320);

      var pixels = FloatBuffer.allocate(3 * 240 * 320);
      try (var tensor = OnnxTensor.createTensor(OnnxModel.environment(), pixels, new long[] {1, 3, 240, 320});
          var result = detector.run(Map.of(input, tensor))) {
        assertThat(((OnnxTensor) result.get("scores").orElseThrow()).getInfo().getShape())
            .containsExactly(1, 4420, 2);
        assertThat(((OnnxTensor) result.get("boxes").orElseThrow()).getInfo().getShape())
            .containsExactly(1, 4420, 4);
      }
    }
  }
}
