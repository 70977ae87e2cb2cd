package sightline.vision;

/**
 * An engine failure: ONNX Runtime refused a model or failed during a run. The message names the model and the
 * stage. Expected outcomes (no face, a spoof) are values, never this exception.
 */
public class VisionException extends RuntimeException {

  /** A failure with no underlying engine exception, such as a model whose output breaks its declared contract. */
  public VisionException(String message) {
    super(message);
  }

  public VisionException(String message, Throwable cause) {
    super(message, cause);
  }
}
