package sightline.diagnosis;

import java.time.Instant;
import sightline.identity.AccountId;

/**
 * A picture was diagnosed and stored. Published inside the transaction that stores it; carries ids, the outcome and
 * the model's version only (never the picture). Part of the diagnosis API: add fields, never rename or remove.
 *
 * @param diagnosis the stored diagnosis
 * @param account whose picture it was
 * @param outcome diagnosed or retake
 * @param modelVersion the model that produced it
 * @param at when
 */
public record DiagnosisCompleted(DiagnosisId diagnosis, AccountId account, Outcome outcome, String modelVersion,
    Instant at) {
}
