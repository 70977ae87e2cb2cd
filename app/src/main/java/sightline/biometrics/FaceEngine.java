package sightline.biometrics;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sightline.system.Workload;
import sightline.vision.Image;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.model.ModelStore;

/**
 * The server's one face pipeline: every frame or photo any module judges goes through here (decoded by
 * {@code system.ImageInput} for its use), so a descriptor sent by a client never is. Models are loaded once at
 * start-up and shared.
 *
 * <p>Requests run on virtual threads, but inference is CPU-bound and ONNX Runtime runs each model on the calling
 * thread (see {@code OnnxModel}): the {@code face-engine} pool of {@link Workload} admits at most
 * {@code sightline.biometrics.inference-threads} analyses at a time (default: one per core), first come first served,
 * so a burst of frames queues instead of thrashing the cores; a caller runs one analysis at a time (429 otherwise)
 * and waits at most the workload's budget (503 then).
 *
 * <p>The work of one call is bounded before it starts: {@code ImageInput} decodes pictures to at most
 * {@link FaceAnalyzer#MAX_USEFUL_SIDE_PX} a side (the detector reads 320x240 whatever the size), and attributes are
 * computed for at most {@code sightline.biometrics.max-faces} faces (default 20, the best by detector score), so one
 * call costs at most a detection plus 20 faces' models, whatever the picture holds.
 */
@Component
public class FaceEngine implements DisposableBean {

  private final FaceAnalyzer analyzer;
  private final Workload workload;
  private final Workload.Pool pool;
  private final int maxFaces;

  FaceEngine(ModelStore models, Workload workload,
      @Value("${sightline.biometrics.inference-threads:0}") int inferenceThreads,
      @Value("${sightline.biometrics.max-faces:20}") int maxFaces) {
    if (maxFaces < 1) {
      throw new IllegalArgumentException("sightline.biometrics.max-faces must be at least 1");
    }
    this.analyzer = FaceAnalyzer.load(models, FaceAnalyzer.Options.defaults());
    this.workload = workload;
    this.pool = workload.pool("face-engine",
        inferenceThreads > 0 ? inferenceThreads : Runtime.getRuntime().availableProcessors());
    this.maxFaces = maxFaces;
  }

  /**
   * Finds the faces in an image, best detector score first (at most {@code max-faces} of them), computing only
   * the attributes asked for (the detector's box and score always).
   *
   * @throws sightline.system.CallerBusy when the same caller already has an analysis running
   * @throws sightline.system.ServerBusy when the engine stayed busy for the whole wait budget
   */
  public List<DetectedFace> analyze(Image image, Set<FaceAttribute> attributes) {
    return workload.run(pool, 1, () -> analyzer.analyze(image, attributes, maxFaces));
  }

  /** Most faces one call analyses. */
  public int maxFaces() {
    return maxFaces;
  }

  @Override
  public void destroy() {
    analyzer.close();
  }
}
