package sightline.vision.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DenormalWeightsTests {

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void bytesField(ByteArrayOutputStream out, int field, byte[] payload) {
    varint(out, (long) field << 3 | 2);
    varint(out, payload.length);
    out.writeBytes(payload);
  }

  /** ModelProto { ir_version: 7, graph { initializer { dims: 3, data_type: FLOAT, raw_data } } }. */
  private static byte[] model(float... weights) {
    var raw = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float w : weights) raw.putFloat(w);
    var tensor = new ByteArrayOutputStream();
    varint(tensor, 1 << 3);
    varint(tensor, weights.length);
    varint(tensor, 2 << 3);
    varint(tensor, 1);
    bytesField(tensor, 8, "w".getBytes());
    bytesField(tensor, 9, raw.array());
    var graph = new ByteArrayOutputStream();
    bytesField(graph, 2, "g".getBytes());
    bytesField(graph, 5, tensor.toByteArray());
    var model = new ByteArrayOutputStream();
    varint(model, 1 << 3);
    varint(model, 7);
    bytesField(model, 7, graph.toByteArray());
    return model.toByteArray();
  }

  @Test
  void zeroesDenormalWeightsOnlyAndKeepsTheLength() {
    float tiny = Float.MIN_NORMAL / 4;
    byte[] bytes = model(1.5f, tiny, -tiny, Float.MIN_NORMAL, 0f);
    byte[] expected = model(1.5f, 0f, -0f, Float.MIN_NORMAL, 0f);
    assertThat(DenormalWeights.flush(bytes)).isEqualTo(2);
    assertThat(bytes).isEqualTo(expected);
  }
}
