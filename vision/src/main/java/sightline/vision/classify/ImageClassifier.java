package sightline.vision.classify;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import sightline.vision.Image;
import sightline.vision.VisionException;
import sightline.vision.classify.ClassifierMetadata.Layout;
import sightline.vision.onnx.OnnxModel;

/**
 * Classifies whole pictures with any single-input ONNX image classifier described by a {@link ClassifierMetadata}.
 *
 * <p>Lifecycle: load once, share, close once (it owns one ONNX Runtime session). {@link #classify} is thread-safe;
 * each call allocates its own buffers and runs the shared session, which ONNX Runtime allows concurrently.
 *
 * <p>Input contract: any {@link Image} (8-bit RGB, any size); it is resized, channel-ordered and normalised as the
 * metadata says. The model must take one float tensor of shape {@code [1, 3, height, width]} (NCHW) or
 * {@code [1, height, width, 3]} (NHWC), dynamic dimensions allowed, and its first output must hold one float per
 * label. Both are checked at load time, so a metadata file that does not fit its model fails then, not on the
 * first request.
 */
public final class ImageClassifier implements AutoCloseable {

  private final OnnxModel model;
  private final ClassifierMetadata metadata;
  private final String input;
  private final String output;
  private final long[] inputShape;

  private ImageClassifier(OnnxModel model, ClassifierMetadata metadata) {
    this.model = model;
    this.metadata = metadata;
    Map<String, long[]> inputs = model.inputShapes();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("model " + model.name() + " has " + inputs.size()
          + " inputs; an image classifier has exactly one");
    }
    this.input = inputs.keySet().iterator().next();
    this.inputShape = metadata.layout() == Layout.NCHW
        ? new long[] {1, 3, metadata.height(), metadata.width()}
        : new long[] {1, metadata.height(), metadata.width(), 3};
    long[] declared = inputs.get(input);
    if (!fits(declared, inputShape)) {
      throw new IllegalArgumentException("model " + model.name() + " takes input " + Arrays.toString(declared)
          + " but its metadata describes " + Arrays.toString(inputShape) + " (" + metadata.layout() + ")");
    }
    Map<String, long[]> outputs = model.outputShapes();
    this.output = outputs.keySet().iterator().next();
    long known = 1;
    boolean dynamic = false;
    for (long d : outputs.get(output)) {
      dynamic |= d < 0;
      known *= Math.max(d, 1);
    }
    if (!dynamic && known != metadata.labels().size()) {
      throw new IllegalArgumentException("model " + model.name() + " outputs " + known + " values but its metadata"
          + " lists " + metadata.labels().size() + " labels");
    }
  }

  /**
   * Loads the classifier a metadata file describes (format in {@link ClassifierMetadata#read}); its {@code model}
   * key names the ONNX file, relative to the metadata file's folder.
   *
   * @throws IllegalArgumentException when the metadata is invalid or does not fit the model
   * @throws VisionException when ONNX Runtime cannot load the model
   */
  public static ImageClassifier load(Path metadataFile) {
    Properties properties = ClassifierMetadata.load(metadataFile);
    String modelFile = properties.getProperty("model");
    if (modelFile == null || modelFile.isBlank()) {
      throw new IllegalArgumentException("classifier metadata " + metadataFile + " needs model=<file>.onnx");
    }
    Path folder = metadataFile.toAbsolutePath().getParent();
    return load(folder.resolve(modelFile.strip()), ClassifierMetadata.fromProperties(properties));
  }

  /**
   * Loads {@code modelFile} with the given metadata.
   *
   * @throws IllegalArgumentException when the metadata does not fit the model
   * @throws VisionException when ONNX Runtime cannot load the model
   */
  public static ImageClassifier load(Path modelFile, ClassifierMetadata metadata) {
    OnnxModel model = OnnxModel.load(modelFile.getFileName().toString(), modelFile);
    try {
      return new ImageClassifier(model, metadata);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public ClassifierMetadata metadata() {
    return metadata;
  }

  /**
   * Every class of the model for this picture, most probable first.
   *
   * @throws VisionException when ONNX Runtime fails or the model outputs something other than one finite float
   *     per label
   */
  public Classifications classify(Image image) {
    float[] values = ClassifierInput.tensor(image, metadata);
    float[] scores;
    try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(values), inputShape);
        OrtSession.Result result = model.run(Map.of(input, tensor))) {
      OnnxValue value = result.get(output).orElseThrow();
      if (!(value instanceof OnnxTensor out) || out.getInfo().type != OnnxJavaType.FLOAT) {
        throw new VisionException("model " + model.name() + " output " + output + " is not a float tensor");
      }
      FloatBuffer buffer = out.getFloatBuffer();
      scores = new float[buffer.remaining()];
      buffer.get(scores);
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime could not create the input tensor for model " + model.name(), e);
    }
    if (scores.length != metadata.labels().size()) {
      throw new VisionException("model " + model.name() + " output " + scores.length + " values for "
          + metadata.labels().size() + " labels");
    }
    for (float s : scores) {
      if (!Float.isFinite(s)) {
        throw new VisionException("model " + model.name() + " output a value that is not finite");
      }
    }
    return ClassifierOutput.rank(scores, metadata);
  }

  @Override
  public void close() {
    model.close();
  }

  private static boolean fits(long[] declared, long[] wanted) {
    if (declared.length != wanted.length) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (declared[i] >= 0 && declared[i] != wanted[i]) {
        return false;
      }
    }
    return true;
  }
}
