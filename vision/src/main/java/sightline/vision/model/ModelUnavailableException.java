package sightline.vision.model;

/**
 * A model file is missing, damaged, or could not be fetched. The message is one sentence that says what is wrong and
 * what to do about it, meant to be shown to the person starting Sightline as it is.
 */
public final class ModelUnavailableException extends RuntimeException {

  ModelUnavailableException(String message) {
    super(message);
  }

  ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
