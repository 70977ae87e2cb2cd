package sightline.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.vision.classify.RejectRule;

/**
 * One diagnosis as pages and the API show it.
 *
 * @param id the diagnosis
 * @param account whose picture it was
 * @param createdAt when the picture was diagnosed
 * @param modelVersion the version of the model that produced it (its metadata's {@code version})
 * @param outcome whether it names a class or asks for a retake
 * @param rejectReason why the answer was turned away, exactly when the outcome is {@link Outcome#RETAKE}
 * @param top the five most probable classes, most probable first
 * @param feedback what the farmer said about it, if anything
 */
public record DiagnosisView(DiagnosisId id, AccountId account, Instant createdAt, String modelVersion,
    Outcome outcome, RejectRule.@Nullable Reason rejectReason, List<Prediction> top, @Nullable Feedback feedback) {

  public DiagnosisView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    top = List.copyOf(top);
    if (top.isEmpty()) {
      throw new IllegalArgumentException("a diagnosis keeps at least one class");
    }
    if ((outcome == Outcome.RETAKE) != (rejectReason != null)) {
      throw new IllegalArgumentException("a reject reason is given exactly for a retake");
    }
  }

  /** The most probable class (for a retake, the one that was not trusted enough to show). */
  public Prediction best() {
    return top.getFirst();
  }

  public boolean diagnosed() {
    return outcome == Outcome.DIAGNOSED;
  }
}
