package sightline.biometrics;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sightline.identity.AccountId;

/**
 * A liveness session ended, passed or failed (also by expiry). Carries ids, outcome, scores and times only, never
 * images or embeddings. Part of the biometrics API; add fields, never rename or remove.
 *
 * @param session              the session
 * @param purpose              what it was for
 * @param subject              the account it was started for, if any
 * @param passed               whether it passed
 * @param reasons              why it failed; empty when it passed
 * @param passiveLivenessScore median fused passive score over its usable frames, in [0, 1]
 * @param challenges           its challenges, in order
 * @param challengesMet        how many of them were met
 * @param frames               frames analysed
 * @param startedAt            start
 * @param endedAt              end
 * @param policyVersion        the liveness policy version that judged it
 */
public record LivenessSessionEnded(LivenessSessionId session, LivenessPurpose purpose, @Nullable AccountId subject,
    boolean passed, List<LivenessOutcome.Reason> reasons, double passiveLivenessScore, List<Challenge> challenges,
    int challengesMet, int frames, Instant startedAt, Instant endedAt, int policyVersion) {

  public LivenessSessionEnded {
    reasons = List.copyOf(reasons);
    challenges = List.copyOf(challenges);
  }
}
