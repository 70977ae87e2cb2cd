package sightline.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import sightline.vision.model.ModelUnavailableException;

/** Turns a missing or damaged model file at start-up into one clear sentence instead of a stack trace. */
class ModelFailureAnalyzer extends AbstractFailureAnalyzer<ModelUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelUnavailableException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Install npm if it is missing, then run ./sightline fetch-models (./sightline does it before every start).",
        cause);
  }
}
