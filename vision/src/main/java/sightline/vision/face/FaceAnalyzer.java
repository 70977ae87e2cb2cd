package sightline.vision.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sightline.vision.Image;
import sightline.vision.VisionException;
import sightline.vision.model.ModelStore;
import sightline.vision.onnx.OnnxModel;

/**
 * Finds faces in an {@link Image} and computes, per face, what its {@link Options} ask for: landmarks, an embedding,
 * a quality report, head pose, eye states, passive liveness ({@code fr_liveness} and MiniFASNet). Load once and share: {@link #analyze} is thread-safe (the ONNX sessions allow concurrent runs
 * and every call allocates its own buffers), and throughput grows with calling threads since each session runs on
 * one intra-op thread. Close once at shutdown to free the native sessions.
 *
 * <p>Pipeline: the whole picture stretched to 320x240 for {@code fr_detect}; threshold and non-maximum suppression;
 * per face the box resized to 64x64 grey for {@code fr_landmark}; five points from the 68 landmarks aligned onto the
 * 112x112 ArcFace template by a least-squares similarity transform for {@code fr_feature}. Results are in pixels of
 * the given image.
 *
 * <pre>{@code
 * try (var faces = FaceAnalyzer.load(ModelStore.atDefaultLocation(), FaceAnalyzer.Options.defaults())) {
 *   List<DetectedFace> found = faces.analyze(image);   // empty when there is no face; never null
 * }
 * }</pre>
 */
public final class FaceAnalyzer implements AutoCloseable {

  /**
   * The longest side, in pixels, worth decoding a photo to for face analysis:
   * {@code decoder.decode(bytes, FaceAnalyzer.MAX_USEFUL_SIDE_PX)}. The detector sees the whole picture at 320x240
   * (a sixth of this) and the embedding model a 112x112 crop, so only faces narrower than a seventeenth of the
   * picture would get more detail from a larger one, while a 24 MP photo costs 12 times the memory of a 1920x1440
   * one. Size rules on the result ({@link FaceQuality#faceSizePx()}) are then in pixels of the smaller picture.
   */
  public static final int MAX_USEFUL_SIDE_PX = 1920;

  /**
   * What to compute and how strict the detector is.
   *
   * @param attributes     results computed per face besides box and score; {@link FaceAttribute#EMBEDDING} and
   *                       {@link FaceAttribute#EYES} imply {@link FaceAttribute#LANDMARKS}
   * @param minScore       lowest detector face probability kept, in (0, 1]; 0.65 is the package's value, calibrated
   *                       for its demo, and is the default
   * @param maxOverlap     non-maximum suppression drops a box whose IoU with a better one exceeds this, in [0, 1]
   * @param minFaceSizePx  faces whose box is narrower or shorter than this many source pixels are dropped (0 keeps all)
   * @param livenessThreshold live score in [0, 1] at or above which {@link FaceAttribute#LIVENESS} says
   *                       {@link LivenessVerdict#LIVE}; {@link Liveness#DEFAULT_THRESHOLD} unless set
   */
  public record Options(Set<FaceAttribute> attributes, double minScore, double maxOverlap, int minFaceSizePx,
      double livenessThreshold) {

    public Options {
      var set = EnumSet.noneOf(FaceAttribute.class);
      set.addAll(attributes);
      if (set.contains(FaceAttribute.EMBEDDING) || set.contains(FaceAttribute.EYES)) {
        set.add(FaceAttribute.LANDMARKS);
      }
      attributes = Set.copyOf(set);
      if (!(minScore > 0 && minScore <= 1)) {
        throw new IllegalArgumentException("minScore must be in (0, 1], was " + minScore);
      }
      if (!(maxOverlap >= 0 && maxOverlap <= 1)) {
        throw new IllegalArgumentException("maxOverlap must be in [0, 1], was " + maxOverlap);
      }
      if (minFaceSizePx < 0) {
        throw new IllegalArgumentException("minFaceSizePx must not be negative, was " + minFaceSizePx);
      }
      if (!(livenessThreshold >= 0 && livenessThreshold <= 1)) {
        throw new IllegalArgumentException("livenessThreshold must be in [0, 1], was " + livenessThreshold);
      }
    }

    /**
     * Everything: landmarks, embedding, quality, pose, eyes and both passive liveness models ({@code fr_liveness},
     * MiniFASNet); score 0.65, overlap 0.4 (the package's values), no size limit, liveness threshold
     * {@link Liveness#DEFAULT_THRESHOLD}.
     */
    public static Options defaults() {
      return new Options(EnumSet.allOf(FaceAttribute.class), 0.65, 0.4, 0, Liveness.DEFAULT_THRESHOLD);
    }

    /** Boxes and scores only. */
    public static Options detectionOnly() {
      return defaults().withAttributes(Set.of());
    }

    public Options withAttributes(Set<FaceAttribute> attributes) {
      return new Options(attributes, minScore, maxOverlap, minFaceSizePx, livenessThreshold);
    }

    public Options withMinScore(double minScore) {
      return new Options(attributes, minScore, maxOverlap, minFaceSizePx, livenessThreshold);
    }

    public Options withMaxOverlap(double maxOverlap) {
      return new Options(attributes, minScore, maxOverlap, minFaceSizePx, livenessThreshold);
    }

    public Options withMinFaceSizePx(int minFaceSizePx) {
      return new Options(attributes, minScore, maxOverlap, minFaceSizePx, livenessThreshold);
    }

    public Options withLivenessThreshold(double livenessThreshold) {
      return new Options(attributes, minScore, maxOverlap, minFaceSizePx, livenessThreshold);
    }
  }

  private final Options options;
  private final OnnxModel detector;
  private final @Nullable OnnxModel landmarker;
  private final @Nullable OnnxModel embedder;
  private final @Nullable OnnxModel poser;
  private final @Nullable OnnxModel eyeModel;
  private final @Nullable OnnxModel livenessModel;
  private final @Nullable OnnxModel miniFasNetV2;
  private final @Nullable OnnxModel miniFasNetV1se;
  private final Map<String, String> inputNames = new java.util.concurrent.ConcurrentHashMap<>();

  private FaceAnalyzer(Options options, OnnxModel detector, @Nullable OnnxModel landmarker, @Nullable OnnxModel embedder,
      @Nullable OnnxModel poser, @Nullable OnnxModel eyeModel, @Nullable OnnxModel livenessModel,
      @Nullable OnnxModel miniFasNetV2, @Nullable OnnxModel miniFasNetV1se) {
    this.options = options;
    this.detector = detector;
    this.landmarker = landmarker;
    this.embedder = embedder;
    this.poser = poser;
    this.eyeModel = eyeModel;
    this.livenessModel = livenessModel;
    this.miniFasNetV2 = miniFasNetV2;
    this.miniFasNetV1se = miniFasNetV1se;
  }

  /**
   * Loads the models the options need ({@code fr_detect}, and {@code fr_landmark}, {@code fr_feature},
   * {@code fr_pose}, {@code fr_eye}, {@code fr_liveness}, {@code minifasnet_v2} and {@code minifasnet_v1se} when asked
   * for) from the store, verifying their checksums.
   *
   * @throws sightline.vision.model.ModelUnavailableException when a model file is missing or damaged
   * @throws VisionException when ONNX Runtime cannot load a model
   */
  public static FaceAnalyzer load(ModelStore store, Options options) {
    var loaded = new ArrayList<OnnxModel>();
    try {
      OnnxModel detector = add(loaded, OnnxModel.load(store, "fr_detect"));
      OnnxModel landmarker = options.attributes().contains(FaceAttribute.LANDMARKS)
          ? add(loaded, OnnxModel.load(store, "fr_landmark")) : null;
      OnnxModel embedder = options.attributes().contains(FaceAttribute.EMBEDDING)
          ? add(loaded, OnnxModel.load(store, "fr_feature")) : null;
      OnnxModel poser = options.attributes().contains(FaceAttribute.POSE)
          ? add(loaded, OnnxModel.load(store, "fr_pose")) : null;
      OnnxModel eyeModel = options.attributes().contains(FaceAttribute.EYES)
          ? add(loaded, OnnxModel.load(store, "fr_eye")) : null;
      OnnxModel livenessModel = options.attributes().contains(FaceAttribute.LIVENESS)
          ? add(loaded, OnnxModel.load(store, "fr_liveness")) : null;
      boolean miniFasNet = options.attributes().contains(FaceAttribute.MINIFASNET);
      OnnxModel miniFasNetV2 = miniFasNet ? add(loaded, OnnxModel.load(store, "minifasnet_v2")) : null;
      OnnxModel miniFasNetV1se = miniFasNet ? add(loaded, OnnxModel.load(store, "minifasnet_v1se")) : null;
      return new FaceAnalyzer(options, detector, landmarker, embedder, poser, eyeModel, livenessModel, miniFasNetV2,
          miniFasNetV1se);
    } catch (RuntimeException e) {
      loaded.forEach(model -> {
        try {
          model.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      });
      throw e;
    }
  }

  private static OnnxModel add(List<OnnxModel> loaded, OnnxModel model) {
    loaded.add(model);
    return model;
  }

  public Options options() {
    return options;
  }

  /**
   * Finds the faces and computes every attribute of the options.
   *
   * @return the faces, best detector score first; empty when there is none
   * @throws VisionException when ONNX Runtime fails
   */
  public List<DetectedFace> analyze(Image image) {
    return analyze(image, options.attributes());
  }

  /**
   * Finds the faces and computes only {@code attributes}, which must be among those this analyzer was loaded for
   * (one analyzer with everything loaded can serve both a cheap and a full path).
   *
   * @return the faces, best detector score first; empty when there is none
   * @throws IllegalArgumentException when an attribute's model was not loaded
   * @throws VisionException when ONNX Runtime fails
   */
  public List<DetectedFace> analyze(Image image, Set<FaceAttribute> attributes) {
    return analyze(image, attributes, Integer.MAX_VALUE);
  }

  /**
   * Finds the faces and computes {@code attributes} for at most the {@code maxFaces} best of them (by detector
   * score); the others are not returned. Every face costs a run of each attribute's model (about 30 ms on one core
   * for the verification path), so a caller that serves untrusted pictures bounds the work of one call with it.
   *
   * @param maxFaces at least 1
   * @return at most {@code maxFaces} faces, best detector score first; empty when there is none
   * @throws IllegalArgumentException when an attribute's model was not loaded, or {@code maxFaces < 1}
   * @throws VisionException when ONNX Runtime fails
   */
  public List<DetectedFace> analyze(Image image, Set<FaceAttribute> attributes, int maxFaces) {
    if (maxFaces < 1) {
      throw new IllegalArgumentException("maxFaces must be at least 1, was " + maxFaces);
    }
    var wanted = EnumSet.noneOf(FaceAttribute.class);
    wanted.addAll(attributes);
    if (wanted.contains(FaceAttribute.EMBEDDING) || wanted.contains(FaceAttribute.EYES)) {
      wanted.add(FaceAttribute.LANDMARKS);
    }
    if (!options.attributes().containsAll(wanted)) {
      throw new IllegalArgumentException("this analyzer was loaded for " + options.attributes() + ", not " + wanted);
    }
    int width = image.width();
    int height = image.height();
    byte[] rgb = image.rgb();
    List<Detection.Candidate> candidates = detect(rgb, width, height);
    if (candidates.size() > maxFaces) {
      candidates = candidates.subList(0, maxFaces);
    }
    var faces = new ArrayList<DetectedFace>(candidates.size());
    for (Detection.Candidate candidate : candidates) {
      LandmarkCrop.Crop crop = LandmarkCrop.crop(candidate.box(), width, height);
      float[] grey = wanted.contains(FaceAttribute.LANDMARKS) || wanted.contains(FaceAttribute.QUALITY)
          ? LandmarkCrop.grey(rgb, width, height, crop) : null;
      FaceLandmarks landmarks = wanted.contains(FaceAttribute.LANDMARKS) ? landmarks(grey, crop) : null;
      FaceEmbedding embedding = wanted.contains(FaceAttribute.EMBEDDING) && landmarks != null
          ? embed(rgb, width, height, landmarks) : null;
      FaceQuality quality = wanted.contains(FaceAttribute.QUALITY) && grey != null
          ? QualityMeasures.measure(grey, LandmarkCrop.SIZE,
              Math.min(candidate.box().width(), candidate.box().height()),
              QualityMeasures.surroundBrightness(rgb, width, height, candidate.box())) : null;
      HeadPose pose = wanted.contains(FaceAttribute.POSE) ? pose(rgb, width, height, candidate.box()) : null;
      EyeStates eyes = wanted.contains(FaceAttribute.EYES) && landmarks != null
          ? eyes(rgb, width, height, landmarks) : null;
      Liveness liveness = wanted.contains(FaceAttribute.LIVENESS) ? liveness(rgb, width, height, candidate.box()) : null;
      MiniFasNetLiveness miniFasNet = wanted.contains(FaceAttribute.MINIFASNET)
          ? miniFasNet(rgb, width, height, candidate.box()) : null;
      faces.add(new DetectedFace(candidate.box(), candidate.score(), landmarks, embedding, quality, pose, eyes,
          liveness, miniFasNet));
    }
    return List.copyOf(faces);
  }

  private List<Detection.Candidate> detect(byte[] rgb, int width, int height) {
    float[] input = Detection.input(rgb, width, height);
    float[] scores;
    float[] boxes;
    try (OrtSession.Result result = run(detector, input, 1, 3, Detection.INPUT_HEIGHT, Detection.INPUT_WIDTH)) {
      scores = floats(result, "scores", detector);
      boxes = floats(result, "boxes", detector);
    }
    var kept = Detection.suppressOverlaps(
        Detection.decode(scores, boxes, (float) options.minScore(), width, height), options.maxOverlap());
    if (options.minFaceSizePx() > 0) {
      kept = kept.stream().filter(c -> Math.min(c.box().width(), c.box().height()) >= options.minFaceSizePx()).toList();
    }
    return kept;
  }

  private FaceLandmarks landmarks(float[] grey, LandmarkCrop.Crop crop) {
    OnnxModel model = java.util.Objects.requireNonNull(landmarker);
    try (OrtSession.Result result = run(model, LandmarkCrop.input(grey), 1, 1, LandmarkCrop.SIZE, LandmarkCrop.SIZE)) {
      return new FaceLandmarks(LandmarkCrop.decode(floats(result, "output", model), crop));
    }
  }

  private FaceEmbedding embed(byte[] rgb, int width, int height, FaceLandmarks landmarks) {
    OnnxModel model = java.util.Objects.requireNonNull(embedder);
    float[] aligned = FaceAlignment.alignedFace(rgb, width, height, landmarks.fivePoints());
    try (OrtSession.Result result = run(model, FaceAlignment.input(aligned), 1, 3, FaceAlignment.SIZE, FaceAlignment.SIZE)) {
      return new FaceEmbedding(floats(result, "output", model));
    }
  }

  private HeadPose pose(byte[] rgb, int width, int height, sightline.vision.BoundingBox box) {
    OnnxModel model = java.util.Objects.requireNonNull(poser);
    var region = PoseAndEyeCrops.poseRegion(box, width, height);
    int size = PoseAndEyeCrops.POSE_SIZE;
    try (OrtSession.Result result = run(model, PoseAndEyeCrops.poseInput(rgb, width, height, region), 1, 3, size, size)) {
      // Output names as exported: "output" is yaw, "617" pitch, "618" roll (lib/fr_pose.js).
      return new HeadPose(PoseAndEyeCrops.binnedAngle(floats(result, "output", model)),
          PoseAndEyeCrops.binnedAngle(floats(result, "617", model)),
          PoseAndEyeCrops.binnedAngle(floats(result, "618", model)));
    }
  }

  private Liveness liveness(byte[] rgb, int width, int height, sightline.vision.BoundingBox box) {
    OnnxModel model = java.util.Objects.requireNonNull(livenessModel);
    var region = PoseAndEyeCrops.livenessRegion(box, width, height);
    int size = PoseAndEyeCrops.LIVENESS_SIZE;
    try (OrtSession.Result result = run(model, PoseAndEyeCrops.livenessInput(rgb, width, height, region), 1, 3, size, size)) {
      return Liveness.of(PoseAndEyeCrops.probability(floats(result, "output", model), 0), // class 0 = live
          options.livenessThreshold());
    }
  }

  private MiniFasNetLiveness miniFasNet(byte[] rgb, int width, int height, sightline.vision.BoundingBox box) {
    return new MiniFasNetLiveness(
        miniFasNetLiveScore(java.util.Objects.requireNonNull(miniFasNetV2), rgb, width, height, box,
            PoseAndEyeCrops.MINIFASNET_V2_SCALE),
        miniFasNetLiveScore(java.util.Objects.requireNonNull(miniFasNetV1se), rgb, width, height, box,
            PoseAndEyeCrops.MINIFASNET_V1SE_SCALE));
  }

  private double miniFasNetLiveScore(OnnxModel model, byte[] rgb, int width, int height,
      sightline.vision.BoundingBox box, double scale) {
    var region = PoseAndEyeCrops.livenessRegion(box, width, height, scale);
    int size = PoseAndEyeCrops.MINIFASNET_SIZE;
    try (OrtSession.Result result = run(model, PoseAndEyeCrops.miniFasNetInput(rgb, width, height, region), 1, 3, size,
        size)) {
      return PoseAndEyeCrops.probability(floats(result, "logits", model), PoseAndEyeCrops.MINIFASNET_LIVE_CLASS);
    }
  }

  private EyeStates eyes(byte[] rgb, int width, int height, FaceLandmarks landmarks) {
    return new EyeStates(eyeClosed(rgb, width, height, landmarks.leftEye()),
        eyeClosed(rgb, width, height, landmarks.rightEye()));
  }

  private double eyeClosed(byte[] rgb, int width, int height, List<sightline.vision.Point> eye) {
    OnnxModel model = java.util.Objects.requireNonNull(eyeModel);
    var region = PoseAndEyeCrops.eyeRegion(eye);
    int size = PoseAndEyeCrops.EYE_SIZE;
    try (OrtSession.Result result = run(model, PoseAndEyeCrops.eyeInput(rgb, width, height, region), 1, 1, size, size)) {
      return PoseAndEyeCrops.firstClassProbability(floats(result, "output", model)); // class 0 read as "closed"
    }
  }

  private OrtSession.Result run(OnnxModel model, float[] input, long... shape) {
    String name = inputNames.computeIfAbsent(model.name(), n -> model.inputShapes().keySet().iterator().next());
    try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(input), shape)) {
      return model.run(Map.of(name, tensor));
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime could not build the input tensor for model " + model.name(), e);
    }
  }

  private static float[] floats(OrtSession.Result result, String output, OnnxModel model) {
    var value = result.get(output).orElseThrow(
        () -> new VisionException("model " + model.name() + " has no output " + output, null));
    FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  /** Closes every model session this analyzer loaded. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (OnnxModel model : new OnnxModel[] {miniFasNetV1se, miniFasNetV2, livenessModel, eyeModel, poser, embedder,
        landmarker, detector}) {
      if (model == null) continue;
      try {
        model.close();
      } catch (RuntimeException e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    if (failure != null) throw failure;
  }
}
