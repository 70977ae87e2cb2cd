package sightline.vision.classify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes real ONNX model files byte by byte (the protobuf wire format of onnx.proto), so classifier tests run ONNX
 * Runtime on a model whose answer is known: GlobalAveragePool, Flatten, then Gemm with weight {@code 10 * I}, so
 * logit {@code k} is ten times the mean of input channel {@code k}. Variants put a Transpose in front (NHWC input)
 * or a Softmax behind (probabilities out).
 */
final class TinyOnnxClassifier {

  private TinyOnnxClassifier() {
  }

  /** A model taking {@code [1,3,size,size]} (or {@code [1,size,size,3]} when {@code nhwc}) and giving {@code [1,3]}. */
  static byte[] channelMeans(int size, boolean nhwc, boolean softmax) {
    var graph = new Message();
    String pixels = "pixels";
    String next = pixels;
    if (nhwc) {
      graph.message(1, node("Transpose", List.of(next), "nchw", new Message().string(1, "perm").ints(8, 0, 3, 1, 2)
          .varint(20, 7)));
      next = "nchw";
    }
    graph.message(1, node("GlobalAveragePool", List.of(next), "pooled", null));
    graph.message(1, node("Flatten", List.of("pooled"), "flat", new Message().string(1, "axis").varint(3, 1)
        .varint(20, 2)));
    graph.message(1, node("Gemm", List.of("flat", "weight", "bias"), softmax ? "logits" : "scores", null));
    if (softmax) {
      graph.message(1, node("Softmax", List.of("logits"), "scores", null));
    }
    graph.string(2, "channel-means");
    graph.message(5, tensor("weight", new long[] {3, 3}, new float[] {10, 0, 0, 0, 10, 0, 0, 0, 10}));
    graph.message(5, tensor("bias", new long[] {3}, new float[] {0, 0, 0}));
    graph.message(11, valueInfo(pixels, nhwc ? new long[] {1, size, size, 3} : new long[] {1, 3, size, size}));
    graph.message(12, valueInfo("scores", new long[] {1, 3}));
    return new Message()
        .varint(1, 8) // ir_version
        .string(2, "sightline-tests")
        .message(8, new Message().string(1, "").varint(2, 13)) // opset_import: default domain, opset 13
        .message(7, graph)
        .bytes();
  }

  private static Message node(String op, List<String> inputs, String output, Message attribute) {
    var node = new Message();
    inputs.forEach(input -> node.string(1, input));
    node.string(2, output).string(3, op + "-" + output).string(4, op);
    if (attribute != null) {
      node.message(5, attribute);
    }
    return node;
  }

  private static Message tensor(String name, long[] dims, float[] values) {
    var tensor = new Message();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    return tensor.varint(2, 1).string(8, name).raw(9, raw.array()); // data_type 1 = FLOAT
  }

  private static Message valueInfo(String name, long[] dims) {
    var shape = new Message();
    for (long d : dims) {
      shape.message(1, new Message().varint(1, d));
    }
    var tensorType = new Message().varint(1, 1).message(2, shape);
    return new Message().string(1, name).message(2, new Message().message(1, tensorType));
  }

  /** A protobuf message under construction: fields in the order written. */
  static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message varint(int field, long value) {
      key(field, 0);
      writeVarint(value);
      return this;
    }

    Message ints(int field, long... values) {
      for (long v : values) {
        varint(field, v);
      }
      return this;
    }

    Message string(int field, String value) {
      return raw(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, Message value) {
      return raw(field, value.bytes());
    }

    Message raw(int field, byte[] value) {
      key(field, 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void key(int field, int wireType) {
      writeVarint((long) field << 3 | wireType);
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) (value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
