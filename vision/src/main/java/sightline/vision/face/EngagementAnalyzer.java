package sightline.vision.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sightline.vision.BoundingBox;
import sightline.vision.Image;
import sightline.vision.VisionException;
import sightline.vision.model.ModelStore;
import sightline.vision.onnx.OnnxModel;

/**
 * Presence and attention of students on camera, frame by frame: how many faces are in view, and for the student's
 * face its head pose, eye aspect ratios, symmetry and an {@link AttentionState}. Load one per process and share it:
 * {@link #analyze} is thread-safe (the ONNX sessions allow concurrent runs; each call allocates its own buffers), and
 * its cost per call is bounded: at most one detector run and five landmark runs, whatever the picture holds. The
 * per-student state lives in an {@link AttentionTracker} that the caller keeps, one per student and session.
 *
 * <pre>{@code
 * try (var engagement = EngagementAnalyzer.load(ModelStore.atDefaultLocation(), EngagementAnalyzer.Options.defaults())) {
 *   AttentionTracker student = engagement.newTracker();               // per student and class session
 *   EngagementFrame frame = engagement.analyze(image, capturedAt, student);
 *   frame.state();                                                     // ATTENTIVE, LOOKING_AWAY, DROWSY, ...
 * }
 * }</pre>
 *
 * <p>Pipeline: the detector ({@code fr_detect}) runs on the first frame and then every {@link Options#detectEvery()}
 * frames; in between, the face is followed: the last frame's landmarks frame the next landmark crop, turned so that
 * the eyes are level. {@code fr_landmark} runs on that crop; yaw and pitch come from the landmarks'
 * roll-free shape (a linear model fitted to {@code fr_pose}), or from {@code fr_pose} on the same turned crop with
 * {@link Options#poseModel()}; the eyes' state from their aspect ratio against the person's own open-eye value. No
 * embedding is computed unless {@link #embed} is called.
 */
public final class EngagementAnalyzer implements AutoCloseable {

  // The detector's own values, as FaceAnalyzer uses them (calibrated for the Faceplugin demo).
  private static final float MIN_FACE_SCORE = 0.65f;
  private static final double MAX_OVERLAP = 0.4;
  /** Extra landmark passes on a detection frame while the eye line turns by more than this (radians, 8 degrees). */
  private static final double REFINE_ANGLE = Math.toRadians(8);

  /**
   * What the analyzer loads and how often it runs the detector.
   *
   * @param rules       the attention rules of {@link #newTracker()}
   * @param detectEvery run the detector on every n-th frame of a student at least (1: every frame), at least 1.
   *                    Between detections a second face that enters is not counted, and a face that leaves is
   *                    noticed at once (its crop no longer matches) only if it leaves the crop
   * @param detectAfter run the detector when this much capture time has passed since the last detection, positive
   * @param poseModel   take yaw and pitch from {@code fr_pose} (224x224, about 5 ms of CPU) on the roll-compensated
   *                    crop instead of from the landmarks (free); loads {@code fr_pose}
   * @param embeddings  load {@code fr_feature} so that {@link #embed} can check identity
   */
  public record Options(AttentionRules rules, int detectEvery, Duration detectAfter, boolean poseModel,
      boolean embeddings) {

    public Options {
      Objects.requireNonNull(rules, "rules");
      if (detectEvery < 1) throw new IllegalArgumentException("detectEvery must be at least 1, was " + detectEvery);
      if (detectAfter.isNegative() || detectAfter.isZero()) {
        throw new IllegalArgumentException("detectAfter must be positive, was " + detectAfter);
      }
    }

    /**
     * {@link AttentionRules#defaults()}, the detector on every 5th frame or after 5 s (at one frame per second a
     * second person or an empty seat shows within 5 s), pose from landmarks, no embeddings.
     */
    public static Options defaults() {
      return new Options(AttentionRules.defaults(), 5, Duration.ofSeconds(5), false, false);
    }

    public Options withRules(AttentionRules rules) {
      return new Options(rules, detectEvery, detectAfter, poseModel, embeddings);
    }

    public Options withDetectEvery(int detectEvery) {
      return new Options(rules, detectEvery, detectAfter, poseModel, embeddings);
    }

    public Options withDetectAfter(Duration detectAfter) {
      return new Options(rules, detectEvery, detectAfter, poseModel, embeddings);
    }

    public Options withPoseModel(boolean poseModel) {
      return new Options(rules, detectEvery, detectAfter, poseModel, embeddings);
    }

    public Options withEmbeddings(boolean embeddings) {
      return new Options(rules, detectEvery, detectAfter, poseModel, embeddings);
    }
  }

  private final Options options;
  private final OnnxModel detector;
  private final OnnxModel landmarker;
  private final @Nullable OnnxModel poser;
  private final @Nullable OnnxModel embedder;
  private final @Nullable LandmarkPose landmarkPose;
  private final Map<OnnxModel, String> inputNames = new java.util.IdentityHashMap<>();

  private EngagementAnalyzer(Options options, OnnxModel detector, OnnxModel landmarker, @Nullable OnnxModel poser,
      @Nullable OnnxModel embedder) {
    this.options = options;
    this.detector = detector;
    this.landmarker = landmarker;
    this.poser = poser;
    this.embedder = embedder;
    this.landmarkPose = poser == null ? LandmarkPose.bundled() : null;
    // Asking a session for its input names goes through JNI on every call; each model has one input.
    for (OnnxModel model : new OnnxModel[] {detector, landmarker, poser, embedder}) {
      if (model != null) inputNames.put(model, model.inputShapes().keySet().iterator().next());
    }
  }

  /**
   * Loads {@code fr_detect} and {@code fr_landmark}, and {@code fr_pose} or {@code fr_feature} when the options ask
   * for them, verifying their checksums.
   *
   * @throws sightline.vision.model.ModelUnavailableException when a model file is missing or damaged
   * @throws VisionException when ONNX Runtime cannot load a model
   */
  public static EngagementAnalyzer load(ModelStore store, Options options) {
    var loaded = new ArrayList<OnnxModel>();
    try {
      OnnxModel detector = add(loaded, OnnxModel.load(store, "fr_detect"));
      OnnxModel landmarker = add(loaded, OnnxModel.load(store, "fr_landmark"));
      OnnxModel poser = options.poseModel() ? add(loaded, OnnxModel.load(store, "fr_pose")) : null;
      OnnxModel embedder = options.embeddings() ? add(loaded, OnnxModel.load(store, "fr_feature")) : null;
      return new EngagementAnalyzer(options, detector, landmarker, poser, embedder);
    } catch (RuntimeException e) {
      for (OnnxModel model : loaded) {
        try {
          model.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
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

  /** A tracker for one student and session under the options' rules, following the largest face it is shown. */
  public AttentionTracker newTracker() {
    return new AttentionTracker(options.rules());
  }

  /** A tracker for one student and session under other rules (a course's own cone, say). */
  public AttentionTracker newTracker(AttentionRules rules) {
    return new AttentionTracker(rules);
  }

  /**
   * Analyses one frame of the student that {@code tracker} follows and advances the tracker. Frames of one tracker
   * must come one at a time and in capture order; frames of different trackers may be analysed concurrently.
   *
   * @param image      the frame, upright
   * @param capturedAt when the camera captured it (not when it arrived): the drowsiness timer runs on these times
   * @throws IllegalArgumentException when {@code capturedAt} is earlier than the tracker's last frame
   * @throws VisionException when ONNX Runtime fails
   */
  public EngagementFrame analyze(Image image, Instant capturedAt, AttentionTracker tracker) {
    tracker.checkOrder(capturedAt);
    FaceTracker faces = tracker.faceTracker();
    byte[] rgb = image.rgb();
    int width = image.width();
    int height = image.height();
    Located found = null;
    boolean detected = false;
    FaceLandmarks last = faces.landmarks();
    if (last != null && !faces.needsDetection(capturedAt, options.detectEvery(), options.detectAfter())) {
      Located followed = locate(rgb, width, height, RotatedCrop.around(last));
      if (faces.similarity(followed.grey()) >= FaceTracker.MIN_SIMILARITY) {
        faces.followed(followed.landmarks());
        found = followed;
      }
    }
    if (found == null) {
      detected = true;
      List<Detection.Candidate> candidates = detect(rgb, width, height);
      if (!candidates.isEmpty()) {
        Detection.Candidate candidate = faces.pick(candidates);
        double roll = last != null ? RotatedCrop.eyeLineAngle(last) : 0;
        found = refine(rgb, width, height, locate(rgb, width, height, RotatedCrop.of(candidate.box()).turnedTo(roll)));
      }
      faces.detected(capturedAt, candidates.size(), found != null ? found.landmarks() : null,
          found != null ? found.grey() : null);
    }
    TrackedFace face = null;
    if (found != null) {
      FaceLandmarks landmarks = found.landmarks();
      RotatedCrop frame = RotatedCrop.around(landmarks);
      HeadPose pose = landmarkPose != null ? landmarkPose.estimate(landmarks)
          : modelPose(rgb, width, height, frame, landmarks, false);
      face = new TrackedFace(FaceTracker.box(frame, width, height), landmarks, pose, EyeAspectRatio.of(landmarks),
          LandmarkGeometry.symmetry(landmarks));
    }
    return tracker.accept(new FrameObservation(capturedAt, faces.faces(), detected, face));
  }

  /**
   * The identity template of a followed face, for spot checks against an enrolled face: the five alignment points
   * from its landmarks, then {@code fr_feature} (about 7 ms of CPU). Compare with {@link FaceEmbedding#similarity}
   * and {@link FaceEmbedding#MATCH_THRESHOLD_AT_FAR_1E3}.
   *
   * @param image the frame the face was found in
   * @throws IllegalStateException when the analyzer was loaded without {@link Options#embeddings()}
   * @throws VisionException when ONNX Runtime fails
   */
  public FaceEmbedding embed(Image image, TrackedFace face) {
    OnnxModel model = embedder;
    if (model == null) throw new IllegalStateException("this analyzer was loaded without embeddings");
    float[] aligned = FaceAlignment.alignedFace(image.rgb(), image.width(), image.height(), face.landmarks().fivePoints());
    return new FaceEmbedding(run(model, FaceAlignment.input(aligned), new String[] {"output"}, 1, 3, FaceAlignment.SIZE,
        FaceAlignment.SIZE)[0]);
  }

  /** Landmarks found in a crop, in source pixels, with the crop's 64x64 grey values. */
  record Located(FaceLandmarks landmarks, float[] grey) {
  }

  List<Detection.Candidate> detect(byte[] rgb, int width, int height) {
    float[][] out = run(detector, Detection.input(rgb, width, height), new String[] {"scores", "boxes"}, 1, 3,
        Detection.INPUT_HEIGHT, Detection.INPUT_WIDTH);
    return Detection.suppressOverlaps(Detection.decode(out[0], out[1], MIN_FACE_SCORE, width, height), MAX_OVERLAP);
  }

  Located locate(byte[] rgb, int width, int height, RotatedCrop crop) {
    float[] grey = Resampling.grey(crop.sample(rgb, width, height, LandmarkCrop.SIZE, LandmarkCrop.SIZE));
    float[] out = run(landmarker, LandmarkCrop.input(grey), new String[] {"output"}, 1, 1, LandmarkCrop.SIZE,
        LandmarkCrop.SIZE)[0];
    if (out.length != 2 * LandmarkCrop.POINTS) {
      throw new VisionException("model fr_landmark gave " + out.length + " values, not " + 2 * LandmarkCrop.POINTS, null);
    }
    return new Located(new FaceLandmarks(crop.toSource(out)), grey);
  }

  /**
   * From landmarks found in the detector's box to landmarks found in the detector-like frame around them, turned
   * so that the eyes are level; once more (at most twice) while the eye line still turns by more than 8 degrees,
   * since a strongly tilted head is found poorly in an upright crop.
   */
  Located refine(byte[] rgb, int width, int height, Located first) {
    Located current = locate(rgb, width, height, RotatedCrop.around(first.landmarks()));
    double angle = RotatedCrop.eyeLineAngle(first.landmarks());
    for (int pass = 0; pass < 2; pass++) {
      double next = RotatedCrop.eyeLineAngle(current.landmarks());
      if (Math.abs(next - angle) <= REFINE_ANGLE) break;
      angle = next;
      current = locate(rgb, width, height, RotatedCrop.around(current.landmarks()));
    }
    return current;
  }

  /**
   * {@code fr_pose} on the frame grown by a quarter on every side (its training framing), turned like the face, or
   * its mirror image (then yaw and roll come out negated).
   */
  HeadPose modelPose(byte[] rgb, int width, int height, RotatedCrop frame, FaceLandmarks landmarks, boolean mirrored) {
    OnnxModel model = Objects.requireNonNull(poser, "fr_pose is not loaded");
    RotatedCrop region = new RotatedCrop(frame.centreX(), frame.centreY(), 1.5 * frame.width(), 1.5 * frame.height(),
        frame.angle(), mirrored);
    int size = PoseAndEyeCrops.POSE_SIZE;
    float[] input = PoseAndEyeCrops.poseInput(region.sample(rgb, width, height, size, size));
    // Output names as exported: "output" is yaw, "617" pitch, "618" roll (lib/fr_pose.js); roll is what is left
    // after the crop was turned by the eye line.
    float[][] out = run(model, input, new String[] {"output", "617", "618"}, 1, 3, size, size);
    return new HeadPose(PoseAndEyeCrops.binnedAngle(out[0]), PoseAndEyeCrops.binnedAngle(out[1]),
        LandmarkGeometry.rollDegrees(landmarks) + PoseAndEyeCrops.binnedAngle(out[2]));
  }

  private float[][] run(OnnxModel model, float[] input, String[] outputs, long... shape) {
    String name = inputNames.get(model);
    try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(input), shape);
         OrtSession.Result result = model.run(Map.of(name, tensor))) {
      float[][] out = new float[outputs.length][];
      for (int i = 0; i < outputs.length; i++) {
        String output = outputs[i];
        var value = result.get(output).orElseThrow(
            () -> new VisionException("model " + model.name() + " has no output " + output, null));
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        out[i] = new float[buffer.remaining()];
        buffer.get(out[i]);
      }
      return out;
    } catch (OrtException e) {
      throw new VisionException("ONNX Runtime could not build the input tensor for model " + model.name(), e);
    }
  }

  /** Closes every model session this analyzer loaded. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (OnnxModel model : new OnnxModel[] {embedder, poser, landmarker, detector}) {
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
