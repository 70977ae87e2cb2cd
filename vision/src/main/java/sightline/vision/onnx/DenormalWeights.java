package sightline.vision.onnx;

/**
 * Flushes denormal float weights of a serialised ONNX model to zero, in place. Some Faceplugin models
 * ({@code fr_feature}: 8,938 denormal weights, {@code fr_landmark}: 26,567) hold weights below 1.2e-38; x86 CPUs
 * multiply those through a slow microcode path, which made a 1x1 convolution of {@code fr_feature} run about 50x
 * slower than its arithmetic needs (ONNX Runtime's {@code set_denormal_as_zero} only covers its own pool threads,
 * not a session running on the calling thread). Zeroing them changes outputs by far less than float rounding.
 *
 * <p>Walks just enough protobuf to find {@code ModelProto.graph(7).initializer(5)} tensors of type FLOAT whose
 * values are in {@code raw_data(9)} or packed {@code float_data(4)}, both little-endian. The byte length never
 * changes. Package-private pure function.
 */
final class DenormalWeights {

  private static final int FLOAT = 1;

  private DenormalWeights() {
  }

  /** Zeroes every denormal float weight in {@code model}; returns how many were changed. */
  static int flush(byte[] model) {
    var count = new int[1];
    forEachField(model, 0, model.length, (field, wire, start, end) -> {
      if (field == 7 && wire == 2) {
        forEachField(model, start, end, (gField, gWire, gStart, gEnd) -> {
          if (gField == 5 && gWire == 2) {
            count[0] += flushTensor(model, gStart, gEnd);
          }
        });
      }
    });
    return count[0];
  }

  private static int flushTensor(byte[] b, int start, int end) {
    var type = new long[] {-1};
    var data = new int[] {-1, -1};
    forEachField(b, start, end, (field, wire, s, e) -> {
      if (field == 2 && wire == 0) {
        type[0] = s; // for varints, start carries the value
      } else if ((field == 9 || field == 4) && wire == 2) {
        data[0] = s;
        data[1] = e;
      }
    });
    if (type[0] != FLOAT || data[0] < 0) {
      return 0;
    }
    int changed = 0;
    for (int i = data[0]; i + 4 <= data[1]; i += 4) {
      int bits = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
      boolean denormal = (bits & 0x7f800000) == 0 && (bits & 0x007fffff) != 0;
      if (denormal) {
        b[i] = 0;
        b[i + 1] = 0;
        b[i + 2] = 0;
        b[i + 3] = (byte) (bits >>> 24 & 0x80); // keep the sign: -0.0 or +0.0
        changed++;
      }
    }
    return changed;
  }

  private interface FieldVisitor {
    /** For wire type 0 {@code start} is the value (truncated to int); for wire type 2 the payload is [start, end). */
    void visit(int field, int wire, int start, int end);
  }

  private static void forEachField(byte[] b, int start, int end, FieldVisitor visitor) {
    int i = start;
    while (i < end) {
      long key = 0;
      int shift = 0;
      while (true) {
        int c = b[i++] & 0xff;
        key |= (long) (c & 0x7f) << shift;
        shift += 7;
        if (c < 0x80) break;
      }
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      switch (wire) {
        case 0 -> {
          long value = 0;
          shift = 0;
          while (true) {
            int c = b[i++] & 0xff;
            value |= (long) (c & 0x7f) << shift;
            shift += 7;
            if (c < 0x80) break;
          }
          visitor.visit(field, wire, (int) value, i);
        }
        case 1 -> i += 8;
        case 5 -> i += 4;
        case 2 -> {
          long length = 0;
          shift = 0;
          while (true) {
            int c = b[i++] & 0xff;
            length |= (long) (c & 0x7f) << shift;
            shift += 7;
            if (c < 0x80) break;
          }
          if (length < 0 || i + length > end) {
            throw new IllegalArgumentException("not an ONNX model: a field runs past its message");
          }
          visitor.visit(field, wire, i, (int) (i + length));
          i += (int) length;
        }
        default -> throw new IllegalArgumentException("not an ONNX model: unsupported protobuf wire type " + wire);
      }
    }
  }
}
