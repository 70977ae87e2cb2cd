package sightline.biometrics.liveness;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;
import sightline.vision.liveness.LivenessPolicy;

/**
 * One version of the site's liveness policy, as stored in {@code biometrics.liveness_policy}: the vision library's
 * {@link LivenessPolicy} (fusion weights, thresholds, motion thresholds, frames needed) plus which cues this site
 * requires and whether a manual confirmation may replace a failed check. Immutable.
 *
 * @param version        1 for the shipped default, one more for every change
 * @param policy         the numbers the vision library judges frames and sessions with
 * @param requirePassive when false the fused passive score is recorded but refuses nothing (a site whose cameras the
 *                       passive models do not know, relying on the motion cue and the challenges)
 * @param requireMotion  when true a session that asks for a head turn must show a rigid 3-D head in every challenge
 *                       that moved the face, and in at least one; when false the motion cue is recorded only
 * @param manualFallback after two passive failures a teacher or administrator may confirm the person in person
 * @param source         how this version came about
 * @param note           what the administrator wrote, or the calibration's summary
 * @param createdAt      when it was adopted
 * @param createdBy      who adopted it; null for the shipped default
 */
public record SitePolicy(int version, LivenessPolicy policy, boolean requirePassive, boolean requireMotion,
    boolean manualFallback, Source source, String note, Instant createdAt, @Nullable AccountId createdBy) {

  /** How a policy version came about. */
  public enum Source { DEFAULT, CALIBRATION, ADMIN }

  public SitePolicy {
    if (version < 1) throw new IllegalArgumentException("policy versions start at 1");
    Objects.requireNonNull(policy);
    Objects.requireNonNull(source);
    Objects.requireNonNull(note);
  }

  /** The passive threshold in force (a session's median fused score must reach it), in [0, 1]. */
  public double threshold() {
    return policy.passive().threshold();
  }
}
