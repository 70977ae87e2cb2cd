package sightline.diagnosis.diagnose;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import sightline.diagnosis.DiagnosisId;
import sightline.diagnosis.DiagnosisView;
import sightline.diagnosis.Feedback;
import sightline.diagnosis.Outcome;
import sightline.diagnosis.Prediction;
import sightline.diagnosis.UnknownPlantClass;
import sightline.identity.AccountId;
import sightline.vision.classify.Classification;
import sightline.vision.classify.Classifications;
import sightline.vision.classify.RejectRule;

/**
 * One diagnosed picture: the five most probable classes, whether the answer was shown or turned away, the model
 * version that produced it, and the farmer's feedback. The picture itself is a {@link DiagnosisPicture}.
 */
@Entity
@Table(schema = "diagnosis", name = "diagnosis")
class Diagnosis {

  /** How many classes are kept: the page shows the top five. */
  static final int KEPT = 5;

  @Id
  private UUID id;
  private UUID accountId;
  private Instant createdAt;
  private String modelVersion;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR with a CHECK on both databases, not H2's native ENUM
  private Outcome outcome;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private RejectRule.@Nullable Reason rejectReason;

  private String bestLabel;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(schema = "diagnosis", name = "prediction", joinColumns = @JoinColumn(name = "diagnosis_id"))
  @OrderColumn(name = "place")
  private List<Ranked> predictions = new ArrayList<>();

  private @Nullable Boolean feedbackCorrect;
  private @Nullable String feedbackLabel;
  private @Nullable Instant feedbackAt;

  /** One kept class. */
  @Embeddable
  static class Ranked {
    @Column(name = "label")
    private String label;
    @Column(name = "probability")
    private float probability;

    protected Ranked() {
      // for JPA
    }

    Ranked(String label, float probability) {
      this.label = label;
      this.probability = probability;
    }
  }

  protected Diagnosis() {
    // for JPA
  }

  /**
   * A picture's classification: the answer is shown unless the model's reject rule gave a reason to turn it away.
   *
   * @param ranked the model's classes, most probable first; the first {@value #KEPT} are kept
   */
  Diagnosis(DiagnosisId id, AccountId account, Instant at, String modelVersion, Classifications ranked,
      RejectRule.@Nullable Reason rejectReason) {
    if (ranked.size() == 0) {
      throw new IllegalArgumentException("a diagnosis needs at least one class");
    }
    this.id = id.value();
    this.accountId = account.value();
    this.createdAt = at;
    this.modelVersion = modelVersion;
    this.outcome = rejectReason == null ? Outcome.DIAGNOSED : Outcome.RETAKE;
    this.rejectReason = rejectReason;
    for (Classification c : ranked.topK(KEPT).ranked()) {
      predictions.add(new Ranked(c.label(), c.probability()));
    }
    this.bestLabel = predictions.getFirst().label;
  }

  /**
   * Records the class the picture really shows; it is right when it is the first class, whatever the outcome
   * (for a "not a leaf" retake, the no-leaf class).
   *
   * @param label the right class, or null for "the first class is right"
   * @param labels the classes of the model that made this diagnosis
   * @throws UnknownPlantClass when {@code label} is not one of {@code labels}
   */
  void recordFeedback(@Nullable String label, List<String> labels, Instant at) {
    String right = label == null || label.isBlank() ? bestLabel : label.strip();
    if (!labels.contains(right)) {
      throw new UnknownPlantClass(right, labels);
    }
    this.feedbackLabel = right;
    this.feedbackCorrect = right.equals(bestLabel);
    this.feedbackAt = at;
  }

  DiagnosisId id() {
    return new DiagnosisId(id);
  }

  String modelVersion() {
    return modelVersion;
  }

  DiagnosisView view() {
    List<Prediction> top = predictions.stream().map(p -> new Prediction(p.label, p.probability)).toList();
    Feedback feedback = feedbackAt == null || feedbackLabel == null || feedbackCorrect == null ? null
        : new Feedback(feedbackCorrect, feedbackLabel, feedbackAt);
    return new DiagnosisView(new DiagnosisId(id), new AccountId(accountId), createdAt, modelVersion, outcome,
        rejectReason, top, feedback);
  }
}
