package sightline.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import sightline.vision.model.ModelStore;
import sightline.vision.onnx.OnnxModel;

/**
 * Each face model alone: one ONNX Runtime run on an input of the model's declared shape (dynamic dimensions set to
 * 1), filled with values in {@code [-1, 1]}, with Sightline's session settings (one intra-op thread, spinning off,
 * denormal weights flushed). Pre- and post-processing are not included; see {@link FacePathBenchmark}.
 * {@link CpuTime} counts the calling thread's CPU time as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FaceModelBenchmark {

  @Param({"fr_detect", "fr_landmark", "fr_feature", "fr_liveness", "fr_pose", "fr_eye"})
  public String model;

  private OnnxModel session;
  private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();

  @Setup
  public void load() throws OrtException {
    session = OnnxModel.load(ModelStore.atDefaultLocation(), model);
    var random = new SplittableRandom(1);
    for (var input : session.inputShapes().entrySet()) {
      long[] shape = input.getValue().clone();
      long size = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = Math.max(shape[i], 1);
        size *= shape[i];
      }
      float[] values = new float[Math.toIntExact(size)];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextDouble(-1, 1);
      }
      inputs.put(input.getKey(), OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(values), shape));
    }
  }

  @Benchmark
  public int run(CpuTime cpu) {
    cpu.start();
    try (OrtSession.Result result = session.run(inputs)) {
      return result.size();
    } finally {
      cpu.stop();
    }
  }

  @TearDown
  public void close() {
    inputs.values().forEach(OnnxTensor::close);
    session.close();
  }
}
