package sightline.biometrics;

import java.time.Instant;
import java.util.List;

/**
 * A started liveness session as its caller sees it: what to do, in order, and until when. The nonce binds frames
 * to the session: only the caller that started it knows it. Immutable.
 *
 * @param id         the session
 * @param nonce      256 random bits, URL-safe Base64; frames must present it (see {@link LivenessSessions#submitFrame})
 * @param purpose    what the session is for
 * @param challenges 2–3 challenges, to be met in this order
 * @param expiresAt  the session fails as expired after this instant (at most 3 minutes after the start)
 */
public record LivenessChallenge(LivenessSessionId id, String nonce, LivenessPurpose purpose, List<Challenge> challenges,
    Instant expiresAt) {

  public LivenessChallenge {
    challenges = List.copyOf(challenges);
  }

  /** The nonce is a secret of the caller that started the session. */
  @Override
  public String toString() {
    return "LivenessChallenge[" + id + ", " + purpose + ", " + challenges + ", expires " + expiresAt + "]";
  }
}
