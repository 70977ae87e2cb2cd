package sightline.biometrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sightline.vision.Image;
import sightline.vision.ImageDecoder;
import sightline.vision.ImageRejected;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAnalyzer;
import sightline.vision.face.FaceAttribute;
import sightline.vision.model.ModelStore;

/**
 * The server's one face pipeline: every frame or photo any module judges goes through here, so a descriptor sent by
 * a client never is. Models are loaded once at start-up and shared.
 *
 * <p>Requests run on virtual threads, but inference is CPU-bound and ONNX Runtime runs each model on the calling
 * thread (see {@code OnnxModel}): a semaphore admits at most {@code sightline.biometrics.inference-threads}
 * analyses at a time (default: one per core), so a burst of frames queues instead of thrashing the cores.
 */
@Component
public class FaceEngine implements DisposableBean {

  /** Uploads and frames: JPEG or PNG, at most 24 MP and 10 MiB. */
  private final ImageDecoder decoder = new ImageDecoder(ImageDecoder.Limits.defaults()
      .withMaxPixels(24_000_000L).withMaxBytes(10L * 1024 * 1024));
  private final FaceAnalyzer analyzer;
  private final Semaphore permits;

  FaceEngine(ModelStore models, @Value("${sightline.biometrics.inference-threads:0}") int inferenceThreads) {
    this.analyzer = FaceAnalyzer.load(models, FaceAnalyzer.Options.defaults());
    this.permits = new Semaphore(inferenceThreads > 0 ? inferenceThreads : Runtime.getRuntime().availableProcessors(),
        true);
  }

  /**
   * Decodes an uploaded image by its content.
   *
   * @throws ImageRejected when it is not a JPEG or PNG within the limits
   */
  public Image decode(byte[] encoded) {
    return decoder.decode(encoded);
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

  /**
   * Decodes and analyses in one step.
   *
   * @throws ImageRejected when the bytes are not an image Sightline decodes
   */
  public List<DetectedFace> analyze(byte[] encoded, Set<FaceAttribute> attributes) {
    return analyze(decode(encoded), attributes);
  }

  @Override
  public void destroy() {
    analyzer.close();
  }
}
