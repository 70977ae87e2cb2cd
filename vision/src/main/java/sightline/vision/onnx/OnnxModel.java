package sightline.vision.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import sightline.vision.VisionException;
import sightline.vision.model.ModelStore;

/**
 * One ONNX Runtime session for one model file. Load it once, share it, close it once: {@link #run} is thread-safe
 * (ONNX Runtime allows concurrent {@code run} calls on one session). Inputs and the returned result are the
 * caller's to close, in try-with-resources.
 *
 * <p>Each session runs on one intra-op thread with spinning off: on a 2-core server, ONNX Runtime's default of
 * spinning worker threads made the whole pipeline about 4x slower under concurrent calls. Throughput comes from
 * calling threads instead.
 */
public final class OnnxModel implements AutoCloseable {

  private final String name;
  private final OrtSession session;

  private OnnxModel(String name, OrtSession session) {
    this.name = name;
    this.session = session;
  }

  /**
   * Loads the manifest file {@code name} from the store, verifying its SHA-256 first.
   *
   * @throws sightline.vision.model.ModelUnavailableException when the file is missing or damaged
   * @throws VisionException when ONNX Runtime cannot load it
   */
  public static OnnxModel load(ModelStore store, String name) {
    return load(name, store.verifiedPath(name));
  }

  /**
   * Loads a model file that is not in the manifest, such as an image classifier an operator supplies; {@code name}
   * only labels error messages. No checksum is verified.
   *
   * @throws VisionException when ONNX Runtime cannot load it
   */
  public static OnnxModel load(String name, Path path) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      byte[] bytes = java.nio.file.Files.readAllBytes(path);
      // Denormal weights make x86 arithmetic crawl (fr_feature ran ~3x slower end to end): see DenormalWeights.
      DenormalWeights.flush(bytes);
      return new OnnxModel(name, environment().createSession(bytes, options));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("could not read model " + name + " from " + path, e);
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime could not load model " + name + " from " + path, e);
    }
  }

  /** The process-wide ONNX Runtime environment; ONNX Runtime allows one per JVM. */
  public static OrtEnvironment environment() {
    return OrtEnvironment.getEnvironment();
  }

  /** The manifest name this model was loaded by. */
  public String name() {
    return name;
  }

  /** Input names to tensor shapes ({@code -1} for a dynamic dimension), in the model's order. */
  public Map<String, long[]> inputShapes() {
    return shapes(() -> session.getInputInfo());
  }

  /** Output names to tensor shapes ({@code -1} for a dynamic dimension), in the model's order. */
  public Map<String, long[]> outputShapes() {
    return shapes(() -> session.getOutputInfo());
  }

  /**
   * Runs the model. The caller closes the inputs and the result.
   *
   * @throws VisionException when ONNX Runtime fails; the message names the model
   */
  public OrtSession.Result run(Map<String, OnnxTensor> inputs) {
    try {
      return session.run(inputs);
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime failed running model " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime failed closing model " + name, e);
    }
  }

  private interface InfoSource {
    Map<String, NodeInfo> get() throws OrtException;
  }

  private Map<String, long[]> shapes(InfoSource source) {
    try {
      var shapes = new LinkedHashMap<String, long[]>();
      source.get().forEach((key, info) -> shapes.put(key, info.getInfo() instanceof TensorInfo tensor
          ? tensor.getShape() : new long[0]));
      return shapes;
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime could not describe model " + name, e);
    }
  }
}
