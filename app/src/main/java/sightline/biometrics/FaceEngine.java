package sightline.biometrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
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
 * thread (see {@code OnnxModel}): a semaphore admits at most {@code sightline.biometrics.inference-threads}
 * analyses at a time (default: one per core), so a burst of frames queues instead of thrashing the cores.
 */
@Component
public class FaceEngine implements DisposableBean {

  private final FaceAnalyzer analyzer;
  private final Semaphore permits;

  FaceEngine(ModelStore models, @Value("${sightline.biometrics.inference-threads:0}") int inferenceThreads) {
    this.analyzer = FaceAnalyzer.load(models, FaceAnalyzer.Options.defaults());
    this.permits = new Semaphore(inferenceThreads > 0 ? inferenceThreads : Runtime.getRuntime().availableProcessors(),
        true);
  }

  /**
   * Finds the faces in an image, best detector score first, computing only
   * the attributes asked for (the detector's box and score always).
   */
  public List<DetectedFace> analyze(Image image, Set<FaceAttribute> attributes) {
    permits.acquireUninterruptibly();
    try {
      return analyzer.analyze(image, attributes);
    } finally {
      permits.release();
    }
  }

  @Override
  public void destroy() {
    analyzer.close();
  }
}
